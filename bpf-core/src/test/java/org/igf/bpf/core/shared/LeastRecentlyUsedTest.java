package org.igf.bpf.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeastRecentlyUsedTest {

    @Test
    void dropsTheEntryLeastRecentlyReadOrWrittenBeyondItsBound() {
        LeastRecentlyUsed<String, Integer> map = new LeastRecentlyUsed<>(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a"); // a read makes "a" the most recently used
        map.put("c", 3);

        assertThat(map).containsOnlyKeys("a", "c");
    }

    @Test
    void aBoundOfNoEntriesKeepsNothing() {
        LeastRecentlyUsed<String, Integer> map = new LeastRecentlyUsed<>(0);
        map.put("a", 1);

        assertThat(map).isEmpty();
    }

    @Test
    void refusesANegativeBound() {
        assertThatThrownBy(() -> new LeastRecentlyUsed<String, Integer>(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
