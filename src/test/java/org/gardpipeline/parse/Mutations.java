package org.gardpipeline.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gardpipeline.Fixtures;

/**
 * Fuzz inputs made by mutating the real documents under src/test/resources. Every input is a pure function of
 * (seed, index), so a failure is reproduced by {@link #input(long, int)} alone.
 */
final class Mutations {
    /** A mutated document and how it was made, for messages and regression file names. */
    record Input(long seed, int index, String base, String kind, byte[] bytes) {
        String describe() {
            return "seed " + seed + ", index " + index + ": " + kind + " of " + base + " (" + bytes.length + " bytes)";
        }
    }

    static final String[] FOLDERS = {"gard-2022", "medquad", "answer-text", "qa-html", "gard-api"};
    static final List<String> SEEDS = seedFiles();

    /** Cheap mutations, chosen by the random stream; the expensive ones are chosen by index (see {@link #input}). */
    private static final String[] SMALL_KINDS = {"truncate", "byte-flips", "delete-closing-tags", "random-bytes",
        "nul-bytes", "invalid-utf8", "utf16-bom", "splice", "repeat-chunk", "delete-chunk", "shallow-nesting",
        "cp1252-mix", "crlf", "unclosed-comment", "entities", "swap-chunks", "tag-soup", "combo"};

    private Mutations() {
    }

    private static List<String> seedFiles() {
        List<String> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            URL url = Mutations.class.getClassLoader().getResource(folder);
            if (url == null) {
                throw new IllegalStateException("no test resource folder " + folder);
            }
            try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                list.map(p -> folder + "/" + p.getFileName()).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(files);
    }

    /**
     * Input {@code index} of the series {@code seed}. Big inputs come at fixed places so a run's cost does not
     * depend on the seed: a 50 MB document at index 0, 100,000 nested divs at index 1, then every
     * {@code bigEvery}-th index alternately deep nesting, a huge attribute and a long document.
     */
    static Input input(long seed, int index, int bigEvery) {
        Random r = new Random(seed * 1_000_003L + index);
        String base = SEEDS.get(r.nextInt(SEEDS.size()));
        byte[] b = Fixtures.bytes(base);
        String kind;
        if (index == 0) {
            kind = "50-mb-file";
        } else if (index == 1) {
            kind = "deep-nesting-100000";
        } else if (index % bigEvery == bigEvery - 1) {
            kind = switch ((index / bigEvery) % 4) {
                case 0 -> "deep-nesting";
                case 1 -> "huge-attribute";
                case 2 -> "deep-xml-nesting";
                default -> "long-document";
            };
        } else {
            kind = SMALL_KINDS[r.nextInt(SMALL_KINDS.length)];
        }
        return new Input(seed, index, base, kind, mutate(kind, b, r));
    }

    static Input input(long seed, int index) {
        return input(seed, index, ParserFuzzTest.BIG_EVERY);
    }

    static byte[] mutate(String kind, byte[] b, Random r) {
        return switch (kind) {
            case "truncate" -> Arrays.copyOf(b, r.nextInt(b.length + 1));
            case "byte-flips" -> byteFlips(b, r);
            case "delete-closing-tags" -> deleteClosingTags(b, r);
            case "random-bytes" -> insert(b, r.nextInt(b.length + 1), randomBytes(r, 1 + r.nextInt(2000)));
            case "nul-bytes" -> nulBytes(b, r);
            case "invalid-utf8" -> invalidUtf8(b, r);
            case "utf16-bom" -> utf16(b, r);
            case "splice" -> splice(b, Fixtures.bytes(SEEDS.get(r.nextInt(SEEDS.size()))), r);
            case "repeat-chunk" -> repeatChunk(b, r);
            case "delete-chunk" -> deleteChunk(b, r);
            case "shallow-nesting" -> insert(b, r.nextInt(b.length + 1), nesting(r.nextBoolean() ? "div" : "p", 1 + r.nextInt(3000), r.nextBoolean()));
            case "cp1252-mix" -> insert(b, r.nextInt(b.length + 1), new byte[] {(byte) 0x93, 'q', (byte) 0x94, (byte) 0xE9, (byte) 0x96, (byte) 0x85});
            case "crlf" -> text(b).replace("\n", r.nextBoolean() ? "\r\n" : "\r").getBytes(StandardCharsets.UTF_8);
            case "unclosed-comment" -> insert(b, r.nextInt(b.length + 1), ascii(r.nextBoolean() ? "<!--" : "<![CDATA["));
            case "entities" -> insert(b, r.nextInt(b.length + 1), ascii(entities(r)));
            case "swap-chunks" -> swapChunks(b, r);
            case "tag-soup" -> insert(b, r.nextInt(b.length + 1), ascii(tagSoup(r)));
            case "combo" -> {
                byte[] out = b;
                for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
                    out = mutate(SMALL_KINDS[r.nextInt(SMALL_KINDS.length - 1)], out, r);
                    if (out.length == 0) {
                        break;
                    }
                }
                yield out;
            }
            case "deep-nesting" -> insert(b, r.nextInt(b.length + 1), nesting("div", 10_000 + r.nextInt(90_000), r.nextBoolean()));
            case "deep-nesting-100000" -> insert(b, middleOfBody(b), nesting("div", 100_000, false));
            case "deep-xml-nesting" -> insert(b, middleOfBody(b), nesting(r.nextBoolean() ? "Answer" : "b", 20_000 + r.nextInt(80_000), true));
            case "huge-attribute" -> insert(b, middleOfBody(b), hugeAttribute(1_000_000 + r.nextInt(4_000_000)));
            case "long-document" -> repeatTo(b, 2_000_000 + r.nextInt(6_000_000));
            case "50-mb-file" -> repeatTo(b, 50 * 1024 * 1024);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static byte[] byteFlips(byte[] b, Random r) {
        byte[] out = b.clone();
        if (out.length == 0) {
            return out;
        }
        for (int i = 0, n = 1 + r.nextInt(64); i < n; i++) {
            int at = r.nextInt(out.length);
            out[at] = r.nextBoolean() ? (byte) (out[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        }
        return out;
    }

    private static byte[] deleteClosingTags(byte[] b, Random r) {
        String s = text(b);
        StringBuilder out = new StringBuilder(s.length());
        double p = r.nextDouble();
        int i = 0;
        while (i < s.length()) {
            int at = s.indexOf("</", i);
            if (at < 0) {
                out.append(s, i, s.length());
                break;
            }
            int end = s.indexOf('>', at);
            out.append(s, i, at);
            if (end < 0 || r.nextDouble() >= p) {
                out.append("</");
                i = at + 2;
            } else {
                i = end + 1;
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nulBytes(byte[] b, Random r) {
        byte[] out = b.clone();
        for (int i = 0, n = 1 + r.nextInt(20); i < n && out.length > 0; i++) {
            // mostly past the 8 KB a binary sniffer looks at, so the parsers see them
            out[r.nextInt(out.length)] = 0;
        }
        return r.nextInt(4) == 0 ? insert(out, r.nextInt(out.length + 1), new byte[1 + r.nextInt(100)]) : out;
    }

    private static byte[] invalidUtf8(byte[] b, Random r) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0xA2, (byte) 0xE2, (byte) 0x82}};
        byte[] out = b;
        for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
            out = insert(out, r.nextInt(out.length + 1), bad[r.nextInt(bad.length)]);
        }
        return out;
    }

    private static byte[] utf16(byte[] b, Random r) {
        String s = text(b);
        boolean big = r.nextBoolean();
        byte[] body = s.getBytes(big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        if (r.nextInt(3) == 0) {
            body = Arrays.copyOf(body, r.nextInt(body.length + 1)); // odd lengths: a half character at the end
        }
        byte[] bom = big ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE};
        return insert(body, 0, bom);
    }

    private static byte[] splice(byte[] a, byte[] b, Random r) {
        int cutA = r.nextInt(a.length + 1);
        int cutB = r.nextInt(b.length + 1);
        byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    private static byte[] repeatChunk(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(2000));
        byte[] chunk = Arrays.copyOfRange(b, from, from + len);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from);
        for (int i = 0, n = 2 + r.nextInt(50); i < n; i++) {
            out.writeBytes(chunk);
        }
        out.write(b, from, b.length - from);
        return out.toByteArray();
    }

    private static byte[] deleteChunk(byte[] b, Random r) {
        if (b.length == 0) {
            return b;
        }
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(5000));
        byte[] out = Arrays.copyOf(b, b.length - len);
        System.arraycopy(b, from + len, out, from, b.length - from - len);
        return out;
    }

    private static byte[] swapChunks(byte[] b, Random r) {
        if (b.length < 4) {
            return b;
        }
        int cut1 = r.nextInt(b.length);
        int cut2 = cut1 + r.nextInt(b.length - cut1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, cut2, b.length - cut2);
        out.write(b, cut1, cut2 - cut1);
        out.write(b, 0, cut1);
        return out.toByteArray();
    }

    private static String entities(Random r) {
        String[] e = {"&amp;", "&#0;", "&#x110000;", "&#99999999999;", "&nbsp", "&lt;", "&#xD800;", "&bogus;", "&"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(2000); i < n; i++) {
            sb.append(e[r.nextInt(e.length)]);
        }
        return sb.toString();
    }

    private static String tagSoup(Random r) {
        String[] t = {"<div>", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<h2>What causes it?</h2>", "<br>", "<li>",
            "<ol start=\"-5\">", "<ol start=\"99999999999\">", "<li value=\"0\">", "<table>", "<tr><td>", "</td>",
            "<app-disease-about>", "</app-footer>", "<app-footer>", "<script>", "</script>", "<template>",
            "<svg><foreignObject>", "<math>", "<Document>", "<QAPair>", "<Question qtype=\"causes\">", "</Question>",
            "<Answer>", "</Answer>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
            "Last updated: 2/30/2015\n", "Last updated: 13/45/99999\n", "Last Updated: Foo. 99, 2021",
            "<p>Last Updated: Nov. 31, 2021</p>", "What is it?\n\n", "1. ", "[999]", "[1]", "\n\n"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(200); i < n; i++) {
            sb.append(t[r.nextInt(t.length)]);
        }
        return sb.toString();
    }

    static byte[] nesting(String tag, int depth, boolean closed) {
        StringBuilder sb = new StringBuilder(depth * (2 * tag.length() + 5) + 16);
        for (int i = 0; i < depth; i++) {
            sb.append('<').append(tag).append('>');
        }
        sb.append("What causes deep nesting?");
        if (closed) {
            for (int i = 0; i < depth; i++) {
                sb.append("</").append(tag).append('>');
            }
        }
        return ascii(sb.toString());
    }

    private static byte[] hugeAttribute(int length) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
        out.writeBytes(ascii("<div class=\"title\" data-x=\""));
        out.writeBytes(value);
        out.writeBytes(ascii("\">x</div>"));
        return out.toByteArray();
    }

    static byte[] repeatTo(byte[] b, int size) {
        byte[] out = new byte[size];
        for (int at = 0; at < size; at += b.length) {
            System.arraycopy(b, 0, out, at, Math.min(b.length, size - at));
        }
        return out;
    }

    /** Somewhere past the head of the document, so that format detection still sees its real start. */
    private static int middleOfBody(byte[] b) {
        return b.length / 2;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] out = new byte[n];
        r.nextBytes(out);
        return out;
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
