package ci.milie.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import ci.milie.common.ProblemException;
import ci.milie.directory.RequestType;

/** The lifecycle's rules that are not statuses, each with its name (the table lists them per action). */
public enum Policies implements Policy {

    /** The type and the category after a qualification fit each other (OSEP may correct either). */
    CATEGORY_TAKES_THE_TYPE(true) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            Payload.Qualification q = (Payload.Qualification) payload;
            RequestType type = q.correctedType() != null ? q.correctedType() : request.type();
            UUID category = q.correctedCategoryId() != null ? q.correctedCategoryId() : request.categoryId();
            return circumstances.categoryAccepts(category, type) ? Optional.empty()
                    : Optional.of(ProblemException.invalid(q.correctedCategoryId() != null ? "categoryCode" : "type",
                            "field.categoryRefusesType", type.name()));
        }
    },

    /** A re-routing says why: the administration it leaves and OSEP's supervisors read it. */
    REROUTING_NEEDS_A_REASON(true) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            String reason = ((Payload.Routing) payload).reason();
            return reason == null || reason.isBlank()
                    ? Optional.of(ProblemException.invalid("reason", "field.requiredToReroute"))
                    : Optional.empty();
        }
    },

    /** Requests are routed only to an administration that exists and is active. */
    ROUTED_TO_AN_ACTIVE_ADMINISTRATION(true) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return circumstances.administrationActive(((Payload.Routing) payload).administrationId()) ? Optional.empty()
                    : Optional.of(ProblemException.invalid("administrationId", "field.inactiveAdministration"));
        }
    },

    /** Re-routing goes to another administration. */
    REROUTING_CHANGES_THE_ADMINISTRATION(true) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            UUID target = ((Payload.Routing) payload).administrationId();
            return target.equals(request.administrationId())
                    ? Optional.of(ProblemException.conflict("SAME_ADMINISTRATION",
                            "SAME_ADMINISTRATION.routed"))
                    : Optional.empty();
        }
    },

    /** A complaint is closed only once answered; a suggestion or an observation once acknowledged. */
    COMPLAINT_CLOSED_ONLY_ONCE_ANSWERED(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return request.status() == RequestStatus.IN_PROGRESS && request.type() == RequestType.COMPLAINT
                    ? Optional.of(ProblemException.invalidTransition(request.status().name(),
                            "INVALID_TRANSITION.complaint-unanswered", request.status().name()))
                    : Optional.empty();
        }
    },

    /** The answer can be disputed for a while after it was delivered. */
    REOPEN_WINDOW(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            Instant until = disputableUntil(request, circumstances.reopenWindow());
            return until != null && circumstances.now().isAfter(until)
                            ? Optional.of(ProblemException.conflict("REOPEN_WINDOW_CLOSED", "REOPEN_WINDOW_CLOSED.days",
                                    circumstances.reopenWindow().toDays()))
                            : Optional.empty();
        }
    },

    /** A request is reopened a limited number of times. */
    REOPEN_LIMIT(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return request.reopenCount() >= circumstances.maxReopenings()
                    ? Optional.of(ProblemException.conflict("REOPEN_LIMIT_REACHED",
                            "REOPEN_LIMIT_REACHED.times", request.reopenCount()))
                    : Optional.empty();
        }
    },

    /** The citizen rates the latest delivered answer, once. */
    ONE_RATING_PER_DELIVERED_ANSWER(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            Optional<UUID> answer = circumstances.latestDeliveredAnswer();
            if (answer.isEmpty()) {
                return Optional.of(ProblemException.conflict("NO_DELIVERED_ANSWER", "NO_DELIVERED_ANSWER.yet"));
            }
            return circumstances.rated(answer.get())
                    ? Optional.of(ProblemException.conflict("FEEDBACK_ALREADY_GIVEN", "FEEDBACK_ALREADY_GIVEN.rated"))
                    : Optional.empty();
        }
    },

    /** Files are welcome until the request is closed or rejected. */
    FILES_UNTIL_CLOSED(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return request.status().isTerminal()
                    ? Optional.of(ProblemException.conflictInStatus("REQUEST_CLOSED", request.status().name(),
                            "REQUEST_CLOSED.no-file", request.status().name()))
                    : Optional.empty();
        }
    },

    /** Answered requests close by themselves once nobody disputed them within the window. */
    DISPUTE_WINDOW_OVER(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            Instant until = disputableUntil(request, circumstances.reopenWindow());
            return until != null && circumstances.now().isAfter(until)
                            ? Optional.empty()
                            : Optional.of(ProblemException.conflict("DISPUTE_WINDOW_OPEN", "DISPUTE_WINDOW_OPEN.open"));
        }
    },

    /** The current stage's deadline passed and was not flagged yet. */
    PAST_DUE(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return request.awaitsOverdueFlag(circumstances.now()) ? Optional.empty()
                    : Optional.of(ProblemException.conflict("NOT_OVERDUE", "NOT_OVERDUE.stage"));
        }
    },

    /** Flagged overdue longer than the escalation delay ago, not yet escalated. */
    ESCALATION_DUE(false) {
        @Override
        public Optional<ProblemException> refusal(CitizenRequest request, Payload payload, Circumstances circumstances) {
            return request.awaitsEscalation(circumstances.now(), circumstances.escalationDelay()) ? Optional.empty()
                    : Optional.of(ProblemException.conflict("NOT_ESCALATED", "NOT_ESCALATED.stage"));
        }
    };

    private final boolean readsInput;

    Policies(boolean readsInput) {
        this.readsInput = readsInput;
    }

    @Override
    public boolean readsInput() {
        return readsInput;
    }

    /**
     * The last instant the citizen may dispute the delivered answer (REOPEN_WINDOW), after which it
     * closes by itself (DISPUTE_WINDOW_OVER); null before any answer. The views' reopenUntil reads it too.
     */
    static Instant disputableUntil(CitizenRequest request, Duration reopenWindow) {
        return request.answeredAt() == null ? null : request.answeredAt().plus(reopenWindow);
    }
}
