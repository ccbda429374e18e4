package com.contractledger.command.web;

/**
 * The code points text may hold. Refused: C0 and C1 controls other than tab, line feed and carriage return; the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a stored text read
 * differently from what it is; the invisible U+200B, U+2060 and U+FEFF; noncharacters; unpaired surrogates. The joiners
 * U+200C and U+200D stay: several scripts and emoji need them.
 */
final class TextDomain {

    private TextDomain() {
    }

    /** Why {@code text} is refused, or {@code null} when it is fine. */
    static String fault(String text) {
        for (int i = 0; i < text.length(); ) {
            char unit = text.charAt(i);
            if (Character.isHighSurrogate(unit) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(unit, text.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    return refused(codePoint, "a noncharacter");
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(unit)) {
                return refused(unit, "an unpaired surrogate");
            }
            if ((unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r') || (unit >= 0x7F && unit <= 0x9F)) {
                return refused(unit, "a control character");
            }
            if ((unit >= 0x202A && unit <= 0x202E) || (unit >= 0x2066 && unit <= 0x2069)) {
                return refused(unit, "a bidirectional control");
            }
            if (unit == 0x200B || unit == 0x2060 || unit == 0xFEFF) {
                return refused(unit, "an invisible character");
            }
            if (isNoncharacter(unit)) {
                return refused(unit, "a noncharacter");
            }
            i++;
        }
        return null;
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String refused(int codePoint, String what) {
        return String.format("must not contain %s (U+%04X)", what, codePoint);
    }
}
