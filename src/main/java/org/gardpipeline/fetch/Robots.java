package org.gardpipeline.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one host's robots.txt allows us, as crawler-commons reads it (RFC 9309, as Apache Nutch and StormCrawler
 * do): the groups naming {@value FetchSettings#AGENT_NAME}, else the {@code *} group; the longest matching rule
 * wins, Allow on a tie; {@code *} and {@code $} in rules; Crawl-delay; Sitemap lines. The rules are never changed
 * after they are read.
 *
 * @param rules  the parsed rules
 * @param origin where the rules came from, for the manifest
 */
record Robots(BaseRobotRules rules, String origin) {
    /** RFC 9309 asks a crawler to read at least 500 KiB; a longer file is cut at its last full line before that. */
    static final int MAX_BYTES = 500 * 1024;
    /** A Crawl-delay above crawler-commons' own limit (5 minutes) closes the host rather than stall the fetch. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofMillis(SimpleRobotRulesParser.DEFAULT_MAX_CRAWL_DELAY);

    private static final Set<String> AGENT = Set.of(FetchSettings.AGENT_NAME.toLowerCase(Locale.ROOT));

    static Robots allowAll(String why) {
        return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), why);
    }

    static Robots disallowAll(String why) {
        return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), why);
    }

    /** The rules of a robots.txt answered with a 200. */
    static Robots parse(URI robotsTxt, byte[] body, String contentType) {
        // the parser's own Crawl-delay limit would close the host silently; the same limit is applied below, with why
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
        SimpleRobotRules rules = parser.parseContent(robotsTxt.toString(), cut(body), contentType, AGENT);
        Optional<Duration> delay = crawlDelay(rules);
        if (delay.isPresent() && delay.get().compareTo(MAX_CRAWL_DELAY) > 0) {
            return disallowAll("robots.txt asks a Crawl-delay of " + delay.get().toSeconds() + " s, longer than the "
                    + MAX_CRAWL_DELAY.toSeconds() + " s a fetch waits");
        }
        return new Robots(rules, "robots.txt");
    }

    /** The rules when robots.txt answered other than 200: a 4xx allows all, anything else disallows all. */
    static Robots forStatus(int status) {
        return status >= 400 && status < 500 ? allowAll("no robots.txt")
                : disallowAll("robots.txt answered HTTP " + status);
    }

    private static byte[] cut(byte[] body) {
        if (body.length <= MAX_BYTES) {
            return body;
        }
        int end = MAX_BYTES;
        while (end > 0 && body[end - 1] != '\n' && body[end - 1] != '\r') {
            end--;
        }
        return java.util.Arrays.copyOf(body, end);
    }

    boolean allows(URI uri) {
        return rules.isAllowed(uri.toString());
    }

    /** How long to leave the host between two requests, when robots.txt says. */
    Optional<Duration> crawlDelay() {
        return crawlDelay(rules);
    }

    private static Optional<Duration> crawlDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    /** The Disallow rules in force, as the manifest shows them ({@code /} when the whole host is closed). */
    List<String> disallowed() {
        if (rules.isAllowNone()) {
            return List.of("/");
        }
        if (rules instanceof SimpleRobotRules simple) {
            return simple.getRobotRules().stream().filter(r -> !r.isAllow()).map(SimpleRobotRules.RobotRule::getPrefix)
                    .toList();
        }
        return List.of();
    }

    /** What the manifest says of this host's robots.txt. */
    Manifest.RobotsEntry entry(String host, Integer status) {
        Long delayMs = crawlDelay().map(Duration::toMillis).orElse(null);
        List<String> sitemaps = rules.getSitemaps().isEmpty() ? null : List.copyOf(rules.getSitemaps());
        return new Manifest.RobotsEntry(host, status, origin, disallowed(), delayMs, sitemaps);
    }
}
