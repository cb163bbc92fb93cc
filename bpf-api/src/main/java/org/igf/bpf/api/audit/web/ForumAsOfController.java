package org.igf.bpf.api.audit.web;

import org.igf.bpf.api.audit.query.ForumAsOf;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.web.ForumPermissions;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/forums/{id}?asOf=<instant>}: the forum as it was at that instant. The same
 * resource as the forum controller's read (and, like it, public), chosen by the presence of the
 * parameter, so the forum controller itself stays as it is.
 */
@RestController
public class ForumAsOfController {

    private final ForumAsOf asOf;
    private final ForumPermissions permissions;

    public ForumAsOfController(ForumAsOf asOf, ForumPermissions permissions) {
        this.asOf = asOf;
        this.permissions = permissions;
    }

    /** Like the forum's own read: the public sees published comments only. */
    @GetMapping(path = "/api/forums/{id}", params = "asOf")
    public ForumView forumAsOf(@PathVariable String id, @RequestParam("asOf") String instant, Authentication user) {
        Instant at = AuditParameters.instant("asOf", instant);
        ForumId forumId = new ForumId(id);
        ForumView forum = asOf.find(forumId, at).orElseThrow(() -> new ForumDidNotExist(id, at, asOf.exists(forumId)));
        return permissions.mayManage(forum, user) ? forum : forum.forPublic();
    }
}
