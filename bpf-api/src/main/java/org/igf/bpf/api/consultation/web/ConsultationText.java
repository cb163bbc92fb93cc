package org.igf.bpf.api.consultation.web;

import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Words for the consultation templates, as {@code @consultationText.method(...)}. */
@Component("consultationText")
public class ConsultationText {

    /** "Partially accepted" for PARTIALLY_ACCEPTED. */
    public String disposition(Disposition disposition) {
        if (disposition == null) {
            return "";
        }
        String words = disposition.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Where a comment points: "paragraph 3" or "the whole document". */
    public String where(Integer paragraph) {
        return paragraph == null ? "the whole document" : "paragraph " + paragraph;
    }

    public StakeholderGroup[] groups() {
        return StakeholderGroup.values();
    }

    public Disposition[] dispositions() {
        return Disposition.values();
    }
}
