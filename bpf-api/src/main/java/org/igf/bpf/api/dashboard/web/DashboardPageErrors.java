package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.forum.web.ForumNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** People asking for a page get a page back: an unknown forum is a 404 page, not problem+json. */
@ControllerAdvice(assignableTypes = DashboardPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DashboardPageErrors {

    @ExceptionHandler(ForumNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ForumNotFound e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "dashboard/not-found";
    }
}
