package ci.milie.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import ci.milie.request.Deadlines;
import ci.milie.request.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ci.milie.common.ReferenceData;
import ci.milie.directory.RequestType;

/**
 * When each stage of a request is due, in working time (see {@link WorkingTime}): the allowance
 * of the category's SLA policy if it has one, else the type's default, counted on the working
 * calendar. While a request waits for the citizen its clock stops: {@link #remaining} measures
 * the working time left at the pause, {@link #resume} sets the deadline again when it ends.
 */
@ApplicationScoped
public class DeadlinePolicy implements Deadlines {

    private final BiFunction<RequestType, UUID, Allowances> policies;
    private final Supplier<WorkingTime> calendar;

    /**
     * Deadlines without a database, for unit tests of the request aggregate: the default
     * allowances of V7__sla.sql for every category, weekends and the rule-based Ivorian holidays
     * (no Islamic ones).
     */
    public DeadlinePolicy() {
        this((type, categoryId) -> Allowances.builtIn(type), BuiltInCalendar::get);
    }

    @Inject
    DeadlinePolicy(SlaPolicyRepository policies, WorkingCalendar calendar, ReferenceData reference) {
        this(cached(policies, reference.cache(1_000, "sla_policy")), calendar::current);
    }

    private record Scope(RequestType type, UUID categoryId) {
    }

    /** Every submission asks: kept in memory until a policy changes (see ReferenceData). */
    private static BiFunction<RequestType, UUID, Allowances> cached(SlaPolicyRepository policies,
            ReferenceData.Cache<Scope, Allowances> cache) {
        return (type, categoryId) -> cache.get(new Scope(type, categoryId), scope -> policies
                .applicable(scope.type(), scope.categoryId()).map(SlaPolicy::allowances)
                .orElseGet(() -> Allowances.builtIn(scope.type())));
    }

    private DeadlinePolicy(BiFunction<RequestType, UUID, Allowances> policies, Supplier<WorkingTime> calendar) {
        this.policies = policies;
        this.calendar = calendar;
    }

    /**
     * When {@code stage}, entered at {@code since}, is due for a request of this type in this
     * category ({@code null}: the type's default applies).
     */
    @Override
    public Instant dueAt(Stage stage, RequestType type, UUID categoryId, Instant since) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(type, "type");
        return calendar.get().addWorkingTime(since, policies.apply(type, categoryId).of(stage).workingTime());
    }

    /** The type's default deadline; prefer the four-argument form, which honours the category's policy. */
    public Instant dueAt(Stage stage, RequestType type, Instant since) {
        return dueAt(stage, type, null, since);
    }

    /** Working time left until {@code dueAt}; zero once it has passed. */
    @Override
    public Duration remaining(Instant dueAt, Instant now) {
        return calendar.get().workingTimeBetween(now, dueAt);
    }

    /** Working time elapsed from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return calendar.get().workingTimeBetween(from, to);
    }

    /** The new deadline of a clock restarted at {@code now} with {@code remaining} working time left. */
    @Override
    public Instant resume(Duration remaining, Instant now) {
        return calendar.get().addWorkingTime(now, remaining.isNegative() ? Duration.ZERO : remaining);
    }

    /** Weekends and the rule-based holidays of 2000–2100, computed on first use. */
    private static final class BuiltInCalendar {

        private static final WorkingTime TIME;

        static {
            Set<LocalDate> dates = new HashSet<>();
            for (int year = Holidays.FIRST_YEAR; year <= Holidays.LAST_YEAR; year++) {
                FixedHolidays.of(year).forEach(holiday -> dates.add(holiday.date()));
            }
            TIME = new WorkingTime(dates);
        }

        static WorkingTime get() {
            return TIME;
        }
    }
}
