package org.igf.bpf.core.forum;

/** How the revision treated a comment of the public consultation. */
public enum Disposition {
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    NOT_ACCEPTED,
    OUT_OF_SCOPE
}
