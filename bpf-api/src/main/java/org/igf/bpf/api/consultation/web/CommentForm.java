package org.igf.bpf.api.consultation.web;

import org.igf.bpf.core.forum.StakeholderGroup;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A comment as the consultation page's form sends it, with the same limits as the API's
 * SubmitCommentRequest. {@code key} names the form on the page ("p3" for paragraph 3, "document"
 * for the whole document) so that errors go back to the form they came from.
 */
public record CommentForm(String key, Integer paragraph, String author, String organisation, String stakeholderGroup,
                          String email, String text, Map<String, String> errors) implements Serializable {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static CommentForm of(Integer paragraph, String author, String organisation, String stakeholderGroup, String email,
                                 String text) {
        String key = paragraph == null ? "document" : "p" + paragraph;
        Map<String, String> errors = new LinkedHashMap<>();
        if (author == null || author.isBlank()) {
            errors.put("author", "Give your name.");
        } else if (author.strip().length() > 200) {
            errors.put("author", "Your name can have at most 200 characters.");
        }
        if (organisation != null && organisation.strip().length() > 200) {
            errors.put("organisation", "The organisation can have at most 200 characters.");
        }
        if (stakeholderGroup != null && !stakeholderGroup.isBlank() && group(stakeholderGroup) == null) {
            errors.put("stakeholderGroup", "Choose a stakeholder group from the list, or none.");
        }
        if (email != null && !email.isBlank() && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            errors.put("email", "Give an email address such as name@example.org, or leave it empty.");
        }
        if (text == null || text.isBlank()) {
            errors.put("text", "Write your comment.");
        } else if (text.length() > 10_000) {
            errors.put("text", "A comment can have at most 10,000 characters.");
        }
        return new CommentForm(key, paragraph, author, organisation, stakeholderGroup, email, text, Map.copyOf(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The first field with an error, which gets the focus. */
    public String firstError() {
        for (String field : new String[]{"author", "organisation", "stakeholderGroup", "email", "text"}) {
            if (errors.containsKey(field)) {
                return field;
            }
        }
        return null;
    }

    public StakeholderGroup group() {
        return group(stakeholderGroup);
    }

    public String emailOrNull() {
        return email == null || email.isBlank() ? null : email.strip();
    }

    private static StakeholderGroup group(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StakeholderGroup.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
