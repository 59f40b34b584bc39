package ci.milie.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.ReferenceData;
import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;
import ci.milie.directory.CategorySummary;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.RequestType;
import ci.milie.sla.SlaPolicyRepository.PolicyKey;

/** Creates, changes and deletes SLA policies; a type's default can change but never goes away. */
@ApplicationScoped
class SlaPolicyService {

    private final SlaPolicyRepository policies;
    private final DirectoryQueries directory;
    private final Clock clock;
    private final ReferenceData reference;

    SlaPolicyService(SlaPolicyRepository policies, DirectoryQueries directory, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    Page<SlaPolicyView> list(RequestType type, UUID categoryId, String cursor, int limit) {
        List<SlaPolicy> rows = policies.page(type, categoryId, Keyset.after(cursor, SlaPolicyService::parseKey), limit);
        return Keyset.page(rows, limit, SlaPolicyService::key, this::view);
    }

    @Transactional(TxType.SUPPORTS)
    SlaPolicyView get(UUID id) {
        return policies.findByIdOptional(id).map(this::view).orElseThrow(SlaPolicyService::notFound);
    }

    @Transactional
    SlaPolicyView create(CreateSlaPolicyCommand command) {
        reference.changed("sla_policy");
        Allowances allowances = withinAYear(command.allowances());
        if (command.categoryId() != null) {
            CategorySummary category = directory.category(command.categoryId())
                    .orElseThrow(() -> ProblemException.invalid("categoryId", "field.unknownCategory"));
            if (!category.accepts(command.requestType())) {
                throw ProblemException.invalid("requestType", "field.typeNotInCategory");
            }
        }
        if (policies.exists(command.requestType(), command.categoryId())) {
            throw duplicate(command.requestType(), command.categoryId());
        }
        SlaPolicy policy = new SlaPolicy(UUID.randomUUID(), command.requestType(), command.categoryId(), allowances,
                now());
        policies.persist(policy);
        try {
            policies.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.of(e, SlaPolicyRepository.TYPE_CATEGORY_CONSTRAINT)
                    || UniqueViolations.of(e, SlaPolicyRepository.TYPE_DEFAULT_CONSTRAINT)) {
                throw duplicate(command.requestType(), command.categoryId());
            }
            throw e;
        }
        return view(policy);
    }

    @Transactional
    SlaPolicyView update(UUID id, UpdateSlaPolicyCommand command) {
        reference.changed("sla_policy");
        Allowances allowances = withinAYear(command.allowances());
        SlaPolicy policy = policies.findForUpdate(id).orElseThrow(SlaPolicyService::notFound);
        if (command.version() != null && command.version() != policy.version()) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION",
                    "CONCURRENT_MODIFICATION.reload");
        }
        policy.change(allowances, now());
        policies.flush(); // the new version, for the view
        return view(policy);
    }

    /** Deletes a category's policy. A type's default stays. */
    @Transactional
    void delete(UUID id) {
        reference.changed("sla_policy");
        SlaPolicy policy = policies.findForUpdate(id).orElseThrow(SlaPolicyService::notFound);
        if (policy.isTypeDefault()) {
            throw ProblemException.conflict("DEFAULT_POLICY_REQUIRED",
                    "DEFAULT_POLICY_REQUIRED.keep");
        }
        policies.delete(policy);
    }

    private SlaPolicyView view(SlaPolicy policy) {
        String categoryCode = policy.categoryId() == null ? null
                : directory.category(policy.categoryId()).map(CategorySummary::code).orElse(null);
        return SlaPolicyView.of(policy, categoryCode);
    }

    private static Allowances withinAYear(Allowances allowances) {
        check(allowances.triage(), "triage");
        check(allowances.acknowledgement(), "acknowledgement");
        check(allowances.answer(), "answer");
        return allowances;
    }

    private static void check(Allowance allowance, String field) {
        if (!allowance.withinAYear()) {
            throw ProblemException.invalid(field + ".amount",
                    "field.allowanceAtMost", Allowance.MAX_DAYS, Allowance.MAX_HOURS);
        }
    }

    private static ProblemException duplicate(RequestType type, UUID categoryId) {
        return ProblemException.conflict("DUPLICATE_POLICY", categoryId == null
                ? "DUPLICATE_POLICY.default" : "DUPLICATE_POLICY.category", type.name());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.sla-policy");
    }

    /** A policy's sort key: its type, then its category (none for the type's default). */
    private static String key(SlaPolicy policy) {
        return policy.requestType() + "/" + (policy.categoryId() == null ? "" : policy.categoryId());
    }

    private static PolicyKey parseKey(String key) {
        int slash = key.indexOf('/');
        RequestType type = RequestType.valueOf(key.substring(0, slash));
        String category = key.substring(slash + 1);
        return new PolicyKey(type, category.isEmpty() ? null : UUID.fromString(category));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
