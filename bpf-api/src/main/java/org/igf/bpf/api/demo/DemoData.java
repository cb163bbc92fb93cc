package org.igf.bpf.api.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.api.cycle.query.CycleViews;
import org.igf.bpf.core.cycle.AnnualMeeting;
import org.igf.bpf.core.cycle.CycleId;
import org.igf.bpf.core.cycle.OpenCycle;
import org.igf.bpf.core.forum.AddDraftVersion;
import org.igf.bpf.core.forum.ApproveComment;
import org.igf.bpf.core.forum.Coordinator;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.DisposeComment;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.HideComment;
import org.igf.bpf.core.forum.RecordVirtualMeeting;
import org.igf.bpf.core.forum.RegisterExpert;
import org.igf.bpf.core.forum.ScheduleAnnualMeetingSession;
import org.igf.bpf.core.forum.SetMailingList;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.forum.SubmitComment;
import org.igf.bpf.core.forum.SwitchPreModeration;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.workflow.lifecycle.ForumLifecycle;
import org.igf.bpf.workflow.lifecycle.StageInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.igf.bpf.core.forum.Coordinator.Kind.ORGANISATION;
import static org.igf.bpf.core.forum.Coordinator.Kind.PERSON;
import static org.igf.bpf.core.forum.Coordinator.Role.MAG_COORDINATOR;
import static org.igf.bpf.core.forum.StakeholderGroup.ACADEMIA;
import static org.igf.bpf.core.forum.StakeholderGroup.CIVIL_SOCIETY;
import static org.igf.bpf.core.forum.StakeholderGroup.GOVERNMENT;
import static org.igf.bpf.core.forum.StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION;
import static org.igf.bpf.core.forum.StakeholderGroup.PRIVATE_SECTOR;
import static org.igf.bpf.core.forum.StakeholderGroup.TECHNICAL_COMMUNITY;

/**
 * The 2014 and 2015 cycles as demo data, loaded through the same commands and lifecycle a user
 * would use, dated on the cycles' own timeline and attributed to the system actor {@code demo-data}.
 * The facts (themes, coordinators, retained forums, the annual meetings) are the seed's (MAG virtual
 * meeting of 3 March 2015); experts, meetings, drafts and comments are plausible inventions.
 *
 * <p>Loaded once: when cycle 2014 already exists the loader does nothing. The one forum left in public
 * consultation (spam, 2015) gets a deadline 30 days after the first start, so the demo can be tried out.
 */
public class DemoData {

    public static final Actor ACTOR = Actor.system("demo-data");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ForumLifecycle lifecycle;
    private final CommandGateway commands;
    private final CycleViews cycles;
    private final Clock clock;
    /** The comments the loader submitted per forum, and those it hid: it gives dispositions to the others. */
    private final Map<ForumId, List<String>> commentsOf = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();

    public DemoData(ForumLifecycle lifecycle, CommandGateway commands, CycleViews cycles, Clock clock) {
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.cycles = cycles;
        this.clock = clock;
    }

    /** Loads both cycles unless they are there already; answers whether it loaded anything. */
    public boolean loadOnce() {
        if (cycles.find(2014).isPresent()) {
            log.info("Demo data: cycle 2014 exists already, nothing loaded");
            return false;
        }
        long started = System.nanoTime();
        commands.sendAndWait(new OpenCycle(new CycleId(2014), new AnnualMeeting("Turkey", "Istanbul",
                LocalDate.of(2014, 9, 2), LocalDate.of(2014, 9, 5)), ACTOR, day(2014, 1, 15)));
        ForumId spam2014 = concluded2014("Regulation and mitigation of unwanted communications (spam)", "bpf-spam@intgovforum.org",
                kummer(), List.of(expert("Lena Vogel", PRIVATE_SECTOR, "Messaging Anti-Abuse Working Group"),
                        expert("Kwame Mensah", GOVERNMENT, "National Communications Authority, Ghana"),
                        expert("Sofia Ortiz", CIVIL_SOCIETY, "Asociación por los Derechos Civiles"),
                        expert("Daniel Park", TECHNICAL_COMMUNITY, "APNIC")));
        ForumId csirts2014 = concluded2014("Establishing and supporting CSIRTs for Internet security", "bpf-csirt@intgovforum.org",
                kummer(), List.of(expert("Maarten Bos", TECHNICAL_COMMUNITY, "FIRST"),
                        expert("Aisha Bello", GOVERNMENT, "ngCERT"),
                        expert("Hiroshi Tanaka", PRIVATE_SECTOR, "JPCERT/CC partner network"),
                        expert("Clara Weiss", ACADEMIA, "University of Vienna")));
        ForumId msm2014 = concluded2014("Developing meaningful multistakeholder participation mechanisms", "bpf-msm@intgovforum.org",
                doria(), List.of(expert("Rafael Lima", CIVIL_SOCIETY, "Instituto Nupef"),
                        expert("Ingrid Olsen", GOVERNMENT, "Ministry of Transport and Communications, Norway"),
                        expert("Tomás Rivera", ACADEMIA, "Universidad de Chile"),
                        expert("Nadia Haddad", INTERGOVERNMENTAL_ORGANISATION, "UNESCO")));
        finish2014(spam2014, csirts2014, msm2014);

        commands.sendAndWait(new OpenCycle(new CycleId(2015), new AnnualMeeting("Brazil", "João Pessoa",
                LocalDate.of(2015, 11, 10), LocalDate.of(2015, 11, 13)), ACTOR, day(2015, 1, 20)));
        ForumId csirts = csirts2015(csirts2014);
        ForumId msm = multistakeholder2015(msm2014);
        spam2015(spam2014);
        ixps2015();
        abuseAgainstWomen2015();
        ipv62015();
        awaitStage(csirts, Stage.REVISION);
        awaitStage(msm, Stage.REVISION);
        finishCsirts2015(csirts);
        finishMultistakeholder2015(msm);
        log.info("Demo data: cycles 2014 and 2015 loaded in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
    }

    // --- 2014: three forums, retained for 2015, all concluded at the Istanbul meeting ---------------

    private ForumId concluded2014(String topic, String mailingList, Coordinator coordinator, List<Expert> experts) {
        ForumId forum = lifecycle.open(new CreateForum(ForumId.random(), 2014, topic, List.of(), List.of(coordinator), ACTOR,
                day(2014, 2, 3)));
        commands.sendAndWait(new SetMailingList(forum, mailingList, ACTOR, day(2014, 2, 4)));
        experts.forEach(e -> register(forum, e, day(2014, 2, 20)));
        advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, day(2014, 3, 3));
        meeting(forum, LocalDate.of(2014, 3, 18), 14, "Scope and work plan agreed; volunteers for each section.");
        advance(forum, Stage.DISCUSSION, StageInputs.NONE, day(2014, 4, 22));
        draft(forum, "Draft outcome", outline(topic), true, day(2014, 5, 30));
        advance(forum, Stage.DRAFTING, new StageInputs(day(2014, 7, 31), null, null), day(2014, 6, 10));
        comment(forum, 2, "Pedro Alves", CIVIL_SOCIETY, "Coalizão Direitos na Rede", "Add examples from Latin America.",
                day(2014, 6, 25));
        comment(forum, null, "Mei Chen", TECHNICAL_COMMUNITY, null, "Clear and useful; please keep it short.", day(2014, 7, 12));
        return forum;
    }

    private void finish2014(ForumId... forums) {
        for (ForumId forum : forums) {
            awaitStage(forum, Stage.REVISION);
            disposeAll(forum, day(2014, 8, 5));
            draft(forum, "Revised outcome", outline("revised") + "\n\nExamples from Latin America were added.", true, day(2014, 8, 12));
            advance(forum, Stage.REVISION, StageInputs.NONE, day(2014, 8, 20));
            commands.sendAndWait(new ScheduleAnnualMeetingSession(forum, "Best Practice Forum session", day(2014, 9, 3),
                    "Istanbul Congress Center, Room 4", ACTOR, day(2014, 8, 22)));
            advance(forum, Stage.PRESENTATION, new StageInputs(null, day(2014, 9, 3), null, null, false, null, day(2014, 10, 1), null),
                    day(2014, 9, 3));
        }
    }

    // --- 2015: six forums, three retained from 2014 and three new themes --------------------------

    private ForumId csirts2015(ForumId lastYear) {
        ForumId forum = continuation(lastYear, "Establishing and supporting CSIRTs for Internet security", kummer(), day(2015, 3, 10));
        register(forum, expert("Priya Nair", CIVIL_SOCIETY, "Centre for Internet and Society"), day(2015, 3, 25));
        advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, day(2015, 4, 1));
        meeting(forum, LocalDate.of(2015, 4, 21), 21, "Focus on the culture of cooperation between CSIRTs and policy makers.");
        meeting(forum, LocalDate.of(2015, 6, 2), 18, "Survey of national CSIRT mandates reviewed.");
        advance(forum, Stage.DISCUSSION, StageInputs.NONE, day(2015, 6, 15));
        draft(forum, "Draft outcome", """
                CSIRTs respond to incidents and build trust between networks.

                A CSIRT works best with a clear mandate and independence from law enforcement.

                Cooperation across borders depends on personal trust built over years.

                Policy makers should involve CSIRTs early when they draft cyber security law.""", true, day(2015, 7, 20));
        advance(forum, Stage.DRAFTING, new StageInputs(day(2015, 9, 30), null, null), day(2015, 8, 3));
        comment(forum, 2, "Beatriz Souza", CIVIL_SOCIETY, "Rede Direitos Digitais", "Independence deserves a paragraph of its own.",
                day(2015, 8, 20));
        comment(forum, 4, "Arun Verma", GOVERNMENT, "National CERT", "Say how early: before the first draft of the law.",
                day(2015, 9, 2));
        return forum;
    }

    private void finishCsirts2015(ForumId forum) {
        disposeAll(forum, day(2015, 10, 5));
        draft(forum, "Revised outcome", """
                CSIRTs respond to incidents and build trust between networks.

                A CSIRT works best with a clear mandate.

                Independence from law enforcement keeps the trust of the networks a CSIRT serves.

                Cooperation across borders depends on personal trust built over years.

                Policy makers should involve CSIRTs before the first draft of a cyber security law.""", true, day(2015, 10, 16));
        advance(forum, Stage.REVISION, StageInputs.NONE, day(2015, 10, 20));
        commands.sendAndWait(new ScheduleAnnualMeetingSession(forum, "BPF on CSIRTs", day(2015, 11, 12),
                "Centro de Convenções de João Pessoa, Room 2", ACTOR, day(2015, 10, 22)));
        advance(forum, Stage.PRESENTATION, new StageInputs(null, day(2015, 11, 12), null, null, false, null, day(2015, 12, 1), null),
                day(2015, 11, 12));
    }

    private ForumId multistakeholder2015(ForumId lastYear) {
        ForumId forum = continuation(lastYear, "Developing meaningful multistakeholder participation mechanisms", doria(),
                day(2015, 3, 10));
        register(forum, expert("Wanjiru Kamau", CIVIL_SOCIETY, "Kenya ICT Action Network"), day(2015, 3, 30));
        advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, day(2015, 4, 6));
        meeting(forum, LocalDate.of(2015, 5, 5), 12, "Case studies from NRIs collected.");
        advance(forum, Stage.DISCUSSION, StageInputs.NONE, day(2015, 6, 22));
        draft(forum, "Draft outcome", """
                Participation is meaningful when every stakeholder group can shape the outcome.

                National and regional IGF initiatives show how mechanisms work in practice.

                Remote participation lowers the cost of taking part.""", true, day(2015, 8, 10));
        advance(forum, Stage.DRAFTING, new StageInputs(day(2015, 10, 9), null, null), day(2015, 8, 24));
        commands.sendAndWait(new SwitchPreModeration(forum, true, ACTOR, day(2015, 9, 1)));
        String spam = comment(forum, null, "cheap-pills", null, null, "Buy now at a discount!", day(2015, 9, 3));
        commands.sendAndWait(new HideComment(forum, spam, "Advertising", ACTOR, day(2015, 9, 4)));
        hidden.add(spam);
        String nri = comment(forum, 2, "Ousmane Diallo", GOVERNMENT, null, "Name the West African IGF as an example.", day(2015, 9, 10));
        commands.sendAndWait(new ApproveComment(forum, nri, ACTOR, day(2015, 9, 11)));
        String remote = comment(forum, 3, "Helen Brooks", ACADEMIA, "Remote Participation Lab", "Remote hubs need captioning to be inclusive.",
                day(2015, 9, 28));
        commands.sendAndWait(new ApproveComment(forum, remote, ACTOR, day(2015, 9, 29)));
        return forum;
    }

    /** Left in REVISION: one comment has its disposition, one does not yet. */
    private void finishMultistakeholder2015(ForumId forum) {
        String first = visibleComments(forum).get(0);
        commands.sendAndWait(new DisposeComment(forum, first, Disposition.ACCEPTED, "Added to paragraph 2.", ACTOR, day(2015, 10, 14)));
    }

    private void spam2015(ForumId lastYear) {
        ForumId forum = continuation(lastYear, "Regulation and mitigation of unwanted communications (spam)", kummer(), day(2015, 3, 10));
        register(forum, expert("Olumide Adeyemi", PRIVATE_SECTOR, "MainOne"), day(2015, 3, 26));
        advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, day(2015, 4, 2));
        meeting(forum, LocalDate.of(2015, 4, 28), 16, "Spam as a developing-country problem: bandwidth costs.");
        advance(forum, Stage.DISCUSSION, StageInputs.NONE, day(2015, 6, 8));
        draft(forum, "Draft outcome", """
                Spam costs developing countries a larger share of their bandwidth.

                Cooperation between operators, regulators and users works better than law alone.

                Awareness campaigns help users avoid malware delivered by spam.""", true, day(2015, 7, 27));
        Instant closes = clock.instant().plus(Duration.ofDays(30));
        advance(forum, Stage.DRAFTING, new StageInputs(closes, null, null), day(2015, 8, 17));
        comment(forum, 1, "Mark Ellis", CIVIL_SOCIETY, "Coalition Against Unsolicited Email", "Give a figure for the bandwidth share.", day(2015, 8, 25));
        comment(forum, 2, "Karen Holm", GOVERNMENT, "Danish Business Authority", "Mention the London Action Plan.",
                day(2015, 9, 3));
        commands.sendAndWait(new SwitchPreModeration(forum, true, ACTOR, day(2015, 10, 1)));
        comment(forum, 3, "Joseph Banda", GOVERNMENT, "Zambia Police Service", "Add a word on reporting to the police.",
                day(2015, 10, 5));
    }

    private void ixps2015() {
        ForumId forum = lifecycle.open(new CreateForum(ForumId.random(), 2015, "Enabling environments to establish successful IXPs",
                List.of(), List.of(new Coordinator("ISOC", ORGANISATION, MAG_COORDINATOR, null)), ACTOR, day(2015, 3, 10)));
        commands.sendAndWait(new SetMailingList(forum, "bpf-ixp@intgovforum.org", ACTOR, day(2015, 3, 12)));
        register(forum, expert("Peter Kariuki", TECHNICAL_COMMUNITY, "ISOC"), day(2015, 3, 20));
        register(forum, expert("Esther Njeri", PRIVATE_SECTOR, "TESPOK"), day(2015, 3, 24));
        register(forum, expert("Joost de Vries", TECHNICAL_COMMUNITY, "AMS-IX"), day(2015, 3, 27));
        register(forum, expert("Juliana Ruiz", GOVERNMENT, "MinTIC Colombia"), day(2015, 4, 2));
        register(forum, expert("Kofi Asante", CIVIL_SOCIETY, "Alliance for Affordable Internet"), day(2015, 4, 8));
        advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, day(2015, 4, 15));
        meeting(forum, LocalDate.of(2015, 5, 12), 23, "What makes an IXP succeed: trust, neutrality, low-cost hosting.");
        meeting(forum, LocalDate.of(2015, 6, 9), 19, null);
        advance(forum, Stage.DISCUSSION, StageInputs.NONE, day(2015, 6, 30));
        draft(forum, "First draft", """
                An IXP keeps local traffic local, which lowers cost and latency.

                Success depends on trust among the operators more than on equipment.""", true, day(2015, 7, 21));
        draft(forum, "Second draft", """
                An IXP keeps local traffic local, which lowers cost and latency.

                Success depends on trust among the operators more than on equipment.

                Governments help most by removing licensing barriers.""", true, day(2015, 8, 4));
    }

    private void abuseAgainstWomen2015() {
        ForumId forum = lifecycle.open(new CreateForum(ForumId.random(), 2015, "Practices to counter abuse against women online",
                List.of(), List.of(), ACTOR, day(2015, 3, 10)));
        register(forum, expert("Sana Qureshi", CIVIL_SOCIETY, "Digital Rights Foundation"), day(2015, 3, 18));
        register(forum, expert("Mei Ling Tan", CIVIL_SOCIETY, "APC Women's Rights Programme"), day(2015, 3, 19));
        register(forum, expert("Radhika Iyer", ACADEMIA, "Internet Democracy Project"), day(2015, 3, 23));
    }

    private void ipv62015() {
        ForumId forum = lifecycle.open(new CreateForum(ForumId.random(), 2015, "Creating an enabling environment for IPv6 adoption",
                List.of(), List.of(), ACTOR, day(2015, 3, 10)));
        register(forum, expert("Samuel Ng", TECHNICAL_COMMUNITY, "APNIC"), day(2015, 3, 21));
        register(forum, expert("Yuki Sato", TECHNICAL_COMMUNITY, "JPNIC"), day(2015, 3, 25));
    }

    // --- helpers ------------------------------------------------------------------------------

    private record Expert(String name, StakeholderGroup group, String organisation) {
    }

    private static Expert expert(String name, StakeholderGroup group, String organisation) {
        return new Expert(name, group, organisation);
    }

    private static Coordinator kummer() {
        return new Coordinator("Markus Kummer", PERSON, MAG_COORDINATOR, "coordinator");
    }

    private static Coordinator doria() {
        return new Coordinator("Avri Doria", PERSON, MAG_COORDINATOR, null);
    }

    private ForumId continuation(ForumId lastYear, String topic, Coordinator coordinator, Instant at) {
        return lifecycle.openAsContinuation(new CreateForum(ForumId.random(), 2015, topic, List.of(), List.of(coordinator), ACTOR, at),
                lastYear);
    }

    private void register(ForumId forum, Expert expert, Instant at) {
        commands.sendAndWait(new RegisterExpert(forum, expert.name(), expert.group(), expert.organisation(), ACTOR, at));
    }

    private void advance(ForumId forum, Stage from, StageInputs inputs, Instant at) {
        lifecycle.advance(forum, from, inputs.at(at), ACTOR);
    }

    private void meeting(ForumId forum, LocalDate day, int attendees, String summary) {
        commands.sendAndWait(new RecordVirtualMeeting(forum, day, attendees, summary, null, ACTOR, day.atTime(14, 0).toInstant(
                ZoneOffset.UTC)));
    }

    private void draft(ForumId forum, String title, String text, boolean secretariatSupported, Instant at) {
        commands.sendAndWait(new AddDraftVersion(forum, title, text, "Lead experts with the IGF Secretariat", secretariatSupported,
                ACTOR, at));
    }

    private String comment(ForumId forum, Integer paragraph, String author, StakeholderGroup group, String organisation, String text,
                           Instant at) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitComment(forum, id, paragraph, author, group, organisation, text, ACTOR, at));
        commentsOf.computeIfAbsent(forum, f -> new ArrayList<>()).add(id);
        return id;
    }

    private List<String> visibleComments(ForumId forum) {
        return commentsOf.getOrDefault(forum, List.of()).stream()
                .filter(id -> !hidden.contains(id)).toList();
    }

    private void disposeAll(ForumId forum, Instant at) {
        Disposition[] kinds = {Disposition.ACCEPTED, Disposition.PARTIALLY_ACCEPTED, Disposition.NOT_ACCEPTED};
        List<String> ids = visibleComments(forum);
        for (int i = 0; i < ids.size(); i++) {
            commands.sendAndWait(new DisposeComment(forum, ids.get(i), kinds[i % kinds.length],
                    kinds[i % kinds.length] == Disposition.NOT_ACCEPTED ? "Outside the scope agreed by the experts." : "Reflected in the revised text.",
                    ACTOR, at));
        }
    }

    /**
     * The deadline timers of past consultations are due at once. The job executor starts only when the
     * application is ready, after this loader, so the loader runs the due timer itself, as an operator
     * could from Cockpit.
     */
    private void awaitStage(ForumId forum, Stage stage) {
        lifecycle.fireDueDeadline(forum);
        Instant until = Instant.now().plusSeconds(60);
        while (lifecycle.currentStage(forum) != stage) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("Demo data: forum " + forum + " did not reach " + stage);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String outline(String topic) {
        return "Introduction: " + topic + ".\n\nWhat works, from the experts' experience.\n\nRecommendations for all stakeholders.";
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
