package org.igf.bpf.core.shared;

/** A command or event that names who acted; the command bus copies it into the message metadata. */
public interface Attributed {

    Actor by();
}
