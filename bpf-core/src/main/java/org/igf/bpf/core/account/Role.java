package org.igf.bpf.core.account;

/** What an account may do: the secretariat everything; coordinators act on the forums they coordinate; experts read and contribute to their forums. */
public enum Role {
    SECRETARIAT,
    COORDINATOR,
    EXPERT
}
