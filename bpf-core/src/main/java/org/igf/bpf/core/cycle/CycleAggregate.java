package org.igf.bpf.core.cycle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.igf.bpf.core.shared.RuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One IGF cycle (a year of inter-sessional work) and its annual meeting. */
public class CycleAggregate {

    @AggregateIdentifier
    private String cycleId;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected CycleAggregate() {
    }

    @CommandHandler
    public CycleAggregate(OpenCycle command) {
        int year = command.cycleId().year();
        AnnualMeeting meeting = command.annualMeeting();
        if (meeting == null || blank(meeting.hostCountry()) || blank(meeting.city()) || meeting.startsOn() == null
                || meeting.endsOn() == null) {
            throw new RuleViolation("cycle.meeting-details-required",
                    "A cycle needs its annual meeting: host country, city, first and last day.");
        }
        if (meeting.endsOn().isBefore(meeting.startsOn())) {
            throw new RuleViolation("cycle.meeting-dates-invalid", "The annual meeting cannot end (" + meeting.endsOn()
                    + ") before it starts (" + meeting.startsOn() + ").");
        }
        if (meeting.startsOn().getYear() != year) {
            throw new RuleViolation("cycle.meeting-outside-year", "The annual meeting of cycle " + year
                    + " takes place in " + year + ", not on " + meeting.startsOn() + ".");
        }
        apply(new CycleOpened(year, new AnnualMeeting(meeting.hostCountry().strip(), meeting.city().strip(),
                meeting.startsOn(), meeting.endsOn()), command.by(), command.at()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(CycleOpened event) {
        cycleId = CycleId.PREFIX + event.year();
    }
}
