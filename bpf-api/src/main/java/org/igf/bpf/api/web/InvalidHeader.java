package org.igf.bpf.api.web;

/** A request header has a value the API cannot accept. */
public class InvalidHeader extends RuntimeException {

    private final String header;

    public InvalidHeader(String header, String expected) {
        super("Header '" + header + "' must be " + expected + ".");
        this.header = header;
    }

    public String header() {
        return header;
    }
}
