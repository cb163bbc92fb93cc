package org.igf.bpf.core.cycle;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

class CycleAggregateTest {

    private static final Actor SECRETARIAT = new Actor("chengetai", "SECRETARIAT");
    private static final Instant T0 = Instant.parse("2015-01-15T09:00:00Z");
    private static final AnnualMeeting JOAO_PESSOA =
            new AnnualMeeting("Brazil", "João Pessoa", LocalDate.of(2015, 11, 10), LocalDate.of(2015, 11, 13));

    private FixtureConfiguration<CycleAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CycleAggregate.class);
    }

    @Test
    void opensACycleWithItsAnnualMeeting() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycle(new CycleId(2015), JOAO_PESSOA, SECRETARIAT, T0))
                .expectEvents(new CycleOpened(2015, JOAO_PESSOA, SECRETARIAT, T0));
    }

    @Test
    void refusesACycleWithoutItsAnnualMeeting() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycle(new CycleId(2015), new AnnualMeeting("Brazil", " ", null, null), SECRETARIAT, T0))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A cycle needs its annual meeting: host country, city, first and last day.");
    }

    @Test
    void refusesAMeetingThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycle(new CycleId(2015), new AnnualMeeting("Brazil", "João Pessoa",
                        LocalDate.of(2015, 11, 13), LocalDate.of(2015, 11, 10)), SECRETARIAT, T0))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesAMeetingOutsideTheCycleYear() {
        fixture.givenNoPriorActivity()
                .when(new OpenCycle(new CycleId(2016), JOAO_PESSOA, SECRETARIAT, T0))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The annual meeting of cycle 2016 takes place in 2016, not on 2015-11-10.");
    }
}
