package org.igf.bpf.api.forum.query;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.RegisterExpert;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A forum read inside a transaction that rolls back leaves nothing of that transaction in the views kept for later reads. */
@ApiTest
class ForumViewsInTransactionTest {

    private static final Actor SECRETARIAT = new Actor("secretariat", "SECRETARIAT");

    @LocalServerPort
    int port;
    @Autowired
    ForumViews views;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aViewReadBeforeARollbackIsNotKept() {
        ForumId forum = new ForumId(new Forums(new Api(port)).aNewForum());

        transaction.executeWithoutResult(status -> {
            register(forum, "Rolled Back");
            assertThat(expertsOf(forum)).as("read inside the transaction").contains("Rolled Back");
            status.setRollbackOnly();
        });
        register(forum, "Stored"); // takes the sequence number the rolled-back event had

        assertThat(expertsOf(forum)).contains("Stored").doesNotContain("Rolled Back");
    }

    private void register(ForumId forum, String name) {
        commands.sendAndWait(new RegisterExpert(forum, name, StakeholderGroup.CIVIL_SOCIETY, "Org", SECRETARIAT, Instant.now()));
    }

    private java.util.List<String> expertsOf(ForumId forum) {
        return views.find(forum).orElseThrow().experts().stream().map(ForumView.ExpertView::name).toList();
    }
}
