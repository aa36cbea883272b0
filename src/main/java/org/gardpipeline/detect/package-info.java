/** Turns raw document bytes into the text a reader saw (encodings, mojibake) and recognises its format. */
package org.gardpipeline.detect;
