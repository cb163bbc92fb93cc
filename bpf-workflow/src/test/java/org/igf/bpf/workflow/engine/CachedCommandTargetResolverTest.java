package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StartDiscussion;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetResolverTest {

    private final CachedCommandTargetResolver resolver = new CachedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class OnField {
        @TargetAggregateIdentifier
        private final Object id;
        @TargetAggregateVersion
        private final Integer version;

        OnField(Object id, Integer version) {
            this.id = id;
            this.version = version;
        }
    }

    static final class OnMethod {
        private final String value;

        OnMethod(String value) {
            this.value = value;
        }

        @TargetAggregateIdentifier
        String target() {
            if (value == null) {
                throw new IllegalStateException("no target");
            }
            return "target-" + value;
        }
    }

    record Untargeted(String id) {
    }

    private static CommandMessage<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    @Test
    void findsTheSameTargetAsAxonsResolverForACommandOfTheDomain() {
        ForumId forum = ForumId.random();
        CommandMessage<?> command = command(new StartDiscussion(forum, Stage.EXPERT_RECRUITMENT, new Actor("coordinator", "COORDINATOR"),
                Instant.parse("2015-05-01T10:00:00Z")));

        VersionedAggregateIdentifier target = resolver.resolveTarget(command);

        assertThat(target).isEqualTo(axons.resolveTarget(command));
        assertThat(target.getIdentifier()).isEqualTo(forum.value());
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void readsAnnotatedFieldsAndVersionsAsAxonsResolverDoes() {
        for (Object payload : new Object[]{new Versioned("a", "7"), new OnField(42L, 3), new OnField("b", null), new OnMethod("c")}) {
            VersionedAggregateIdentifier target = resolver.resolveTarget(command(payload));
            assertThat(target).as(payload.getClass().getSimpleName()).isEqualTo(axons.resolveTarget(command(payload)));
            // the second command of a class is read through the member found for the first
            assertThat(resolver.resolveTarget(command(payload))).isEqualTo(target);
        }
        assertThat(resolver.resolveTarget(command(new Versioned("a", "7"))).getVersion()).isEqualTo(7L);
        assertThat(resolver.resolveTarget(command(new OnField(42L, 3))).getIdentifier()).isEqualTo("42");
        assertThat(resolver.resolveTarget(command(new OnMethod("c"))).getIdentifier()).isEqualTo("target-c");
    }

    @Test
    void refusesACommandWithoutATargetAsAxonsResolverDoes() {
        assertThatThrownBy(() -> resolver.resolveTarget(command(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Untargeted]")
                .hasMessage(messageOf(() -> axons.resolveTarget(command(new Untargeted("x")))));
        assertThatThrownBy(() -> resolver.resolveTarget(command(new OnField(null, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> resolver.resolveTarget(command(new Versioned("a", "seven"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(() -> axons.resolveTarget(command(new Versioned("a", "seven")))));
        assertThatThrownBy(() -> resolver.resolveTarget(command(new OnMethod(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("no target")
                .hasMessage(messageOf(() -> axons.resolveTarget(command(new OnMethod(null)))));
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Axon's resolver accepted the command");
    }
}
