package org.igf.bpf.api.consultation.web;

import org.igf.bpf.api.forum.web.ForumNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An unknown forum is a page saying so, as on the dashboard, not problem+json. */
@ControllerAdvice(assignableTypes = {ConsultationPages.class, ModerationPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsultationPageErrors {

    @ExceptionHandler(ForumNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ForumNotFound e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "dashboard/not-found";
    }
}
