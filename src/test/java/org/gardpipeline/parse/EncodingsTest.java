package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A document saved in another encoding the decoder knows by its byte-order mark reads as the UTF-8 original. */
class EncodingsTest {
    private static final String SAMPLE = "answer-text/caudal-regression-sequence.txt";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-8"})
    void aDocumentWithAByteOrderMarkParsesAsTheUtf8Original(String encoding) throws ParseException {
        Page original = Parsers.parse(Fixtures.bytes(SAMPLE), SAMPLE);
        String text = new String(Fixtures.bytes(SAMPLE), StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(switch (encoding) {
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            default -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        });
        bytes.writeBytes(text.getBytes(Charset.forName(encoding)));
        assertEquals(original, Parsers.parse(bytes.toByteArray(), SAMPLE));
    }
}
