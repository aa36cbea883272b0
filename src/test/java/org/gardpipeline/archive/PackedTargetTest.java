package org.gardpipeline.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A packed record's target is its document's path, percent-encoded, never with a scheme, and decodes back to it. */
class PackedTargetTest {
    @Test
    void aPathIsItsTargetBackAndATargetHasNoScheme() {
        for (String path : List.of("a.txt", "sub dir/b: 100% caf\u00e9.txt", "x%41", "\u65e5\u672c/\u8a9e.html")) {
            String target = PackedWarc.target(path);
            assertEquals(true, PackedWarc.isPackedTarget(target), target);
            assertEquals(path, PackedWarc.path(target));
        }
        assertEquals("sub%20dir/b%3A%20100%25%20caf%C3%A9.txt", PackedWarc.target("sub dir/b: 100% caf\u00e9.txt"));
    }
}
