package org.gardpipeline.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a robots.txt that apply to us: the group naming our agent, else the {@code *} group. Longest
 * matching Allow/Disallow prefix wins (an Allow on a tie); {@code *} and {@code $} in paths are understood.
 */
final class Robots {
    static final Robots ALLOW_ALL = new Robots(List.of(), List.of(), "no robots.txt");

    private final List<String> allow;
    private final List<String> disallow;
    private final String origin;

    private Robots(List<String> allow, List<String> disallow, String origin) {
        this.allow = allow;
        this.disallow = disallow;
        this.origin = origin;
    }

    static Robots disallowAll(String why) {
        return new Robots(List.of(), List.of("/"), why);
    }

    static Robots parse(String text, String agent) {
        String ours = agent.toLowerCase(Locale.ROOT);
        List<String> starAllow = new ArrayList<>();
        List<String> starDisallow = new ArrayList<>();
        List<String> ourAllow = new ArrayList<>();
        List<String> ourDisallow = new ArrayList<>();
        boolean ourGroupSeen = false;
        boolean inStar = false;
        boolean inOurs = false;
        boolean lastWasAgent = false;
        for (String raw : text.split("\\r?\\n|\\r")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!lastWasAgent) {
                    inStar = false;
                    inOurs = false;
                }
                String v = value.toLowerCase(Locale.ROOT);
                if (v.equals("*")) {
                    inStar = true;
                } else if (!v.isEmpty() && ours.startsWith(v)) {
                    inOurs = true;
                    ourGroupSeen = true;
                }
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (key.equals("allow") || key.equals("disallow")) {
                if (value.isEmpty()) {
                    continue; // "Disallow:" with nothing allows everything
                }
                boolean isAllow = key.equals("allow");
                if (inStar) {
                    (isAllow ? starAllow : starDisallow).add(value);
                }
                if (inOurs) {
                    (isAllow ? ourAllow : ourDisallow).add(value);
                }
            }
        }
        return ourGroupSeen ? new Robots(ourAllow, ourDisallow, "robots.txt group for " + agent)
                : new Robots(starAllow, starDisallow, "robots.txt group *");
    }

    boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        int bestAllow = longestMatch(allow, path);
        int bestDisallow = longestMatch(disallow, path);
        return bestDisallow < 0 || bestAllow >= bestDisallow;
    }

    List<String> disallowed() {
        return disallow;
    }

    String origin() {
        return origin;
    }

    private static int longestMatch(List<String> rules, String path) {
        int best = -1;
        for (String rule : rules) {
            if (matches(rule, path) && rule.length() > best) {
                best = rule.length();
            }
        }
        return best;
    }

    static boolean matches(String rule, String path) {
        boolean anchored = rule.endsWith("$");
        String r = anchored ? rule.substring(0, rule.length() - 1) : rule;
        StringBuilder regex = new StringBuilder("(?s)");
        StringBuilder literal = new StringBuilder();
        for (char c : r.toCharArray()) {
            if (c == '*') {
                regex.append(java.util.regex.Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(java.util.regex.Pattern.quote(literal.toString()));
        if (!anchored) {
            regex.append(".*");
        }
        return path.matches(regex.toString());
    }
}
