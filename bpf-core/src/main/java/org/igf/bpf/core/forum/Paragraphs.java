package org.igf.bpf.core.forum;

import java.util.Arrays;
import java.util.List;

/**
 * The numbered paragraphs of a draft text: blocks separated by one or more blank lines,
 * numbered from 1, so that comments and dispositions can point at them.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    public static List<String> of(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    public static int count(String text) {
        return of(text).size();
    }
}
