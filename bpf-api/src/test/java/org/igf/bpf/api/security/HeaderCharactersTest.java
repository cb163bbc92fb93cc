package org.igf.bpf.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop allows exactly what Spring Security's firewall allows with its regular expressions. */
class HeaderCharactersTest {

    @Test
    void decidesEveryCodePointAsTheFirewallsExpressions() {
        List<String> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (HeaderCharacters.allowedInName(text) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text)
                    || HeaderCharacters.allowedInValue(text) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text)) {
                differing.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void decidesMixedTextAsTheFirewallsExpressions() {
        for (String text : List.of("", "Basic dXNlcjpwYXNz", "application/json; charset=UTF-8", "tab\there", "bell\u0007",
                "delete\u007f", "nbsp\u00a0é", "emoji \uD83D\uDE00 pair", "lone \uD83D surrogate", "lone \uDE00 low",
                "unassigned \u0378", "line\nbreak", "carriage\rreturn", "\u0085next line", "zero\u0000")) {
            assertThat(HeaderCharacters.allowedInName(text)).as("name %s", text)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderCharacters.allowedInValue(text)).as("value %s", text)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }
}
