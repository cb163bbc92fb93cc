package org.igf.bpf.core.forum;

/** The stages of the BPF methodology, in the order a forum goes through them. */
public enum Stage {
    EXPERT_RECRUITMENT,
    DISCUSSION,
    DRAFTING,
    PUBLIC_CONSULTATION,
    REVISION,
    PRESENTATION,
    CONCLUDED
}
