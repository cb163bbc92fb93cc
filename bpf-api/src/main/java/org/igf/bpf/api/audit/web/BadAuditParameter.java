package org.igf.bpf.api.audit.web;

/** A query parameter of an audit request that cannot be used; the answer is a 400 naming it. */
class BadAuditParameter extends RuntimeException {

    private final String parameter;

    BadAuditParameter(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
