package org.igf.bpf.core.forum;

/** An expert of a forum: who, from which stakeholder group and organisation. */
public record Expert(String name, StakeholderGroup stakeholderGroup, String organisation) {
}
