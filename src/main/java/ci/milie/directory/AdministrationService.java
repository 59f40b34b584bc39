package ci.milie.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ci.milie.common.ReferenceData;
import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;

/** Creates, changes and deactivates administrations; never deletes one. */
@ApplicationScoped
class AdministrationService {

    private final AdministrationRepository administrations;
    private final CategoryRepository categories;
    private final Clock clock;
    private final ReferenceData reference;

    AdministrationService(AdministrationRepository administrations, CategoryRepository categories, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.administrations = administrations;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional(TxType.SUPPORTS)
    Page<AdministrationView> list(AdministrationKind kind, UUID parentId, boolean includeInactive, String cursor,
            int limit) {
        return Keyset.page(administrations.page(kind, parentId, includeInactive, Keyset.after(cursor), limit),
                limit, Administration::code, AdministrationView::of);
    }

    @Transactional(TxType.SUPPORTS)
    AdministrationView get(UUID id, boolean includeInactive) {
        return administrations.findByIdOptional(id)
                .filter(a -> includeInactive || a.isActive())
                .map(AdministrationView::of)
                .orElseThrow(AdministrationService::notFound);
    }

    @Transactional
    AdministrationView create(CreateAdministrationCommand command) {
        reference.changed("administration");
        if (administrations.findByCode(command.code()).isPresent()) {
            throw duplicateCode(command.code());
        }
        Administration parent = command.parentId() == null ? null : activeParent(command.parentId());
        Instant now = now();
        Administration administration = new Administration(UUID.randomUUID(), command.code(), command.name(),
                command.nameEn(), command.acronym(), command.kind(), command.contactEmail(),
                !Boolean.FALSE.equals(command.answerReviewRequired()), now);
        administration.moveUnder(parent, now);
        administrations.persist(administration);
        flush(command.code());
        return AdministrationView.of(administration);
    }

    @Transactional
    AdministrationView update(UUID id, UpdateAdministrationCommand command) {
        reference.changed("administration");
        Administration administration = administrations.findForUpdate(id).orElseThrow(AdministrationService::notFound);
        if (command.version() != null && command.version() != administration.version()) {
            throw Conflicts.staleVersion();
        }
        if (!administration.code().equals(command.code())
                && administrations.codeTakenByAnother(command.code(), administration.id())) {
            throw duplicateCode(command.code());
        }
        // Every lookup before the first change: a query would auto-flush a half-made change and
        // bump the version twice.
        Administration parent = parentFor(administration, command.parentId());
        if (Boolean.FALSE.equals(command.active())) {
            ensureNotRoutedTo(administration);
        }
        Instant now = now();
        administration.rename(command.code(), command.name(), command.nameEn(), command.acronym(), now);
        administration.reclassify(command.kind(), now);
        administration.moveUnder(parent, now);
        administration.changeContact(command.contactEmail(), now);
        administration.requireAnswerReview(!Boolean.FALSE.equals(command.answerReviewRequired()), now);
        if (Boolean.TRUE.equals(command.active())) {
            administration.reactivate(now);
        } else if (Boolean.FALSE.equals(command.active())) {
            administration.deactivate(now);
        }
        flush(command.code());
        return AdministrationView.of(administration);
    }

    /** Deactivates; deactivating twice is harmless. */
    @Transactional
    void deactivate(UUID id) {
        reference.changed("administration");
        Administration administration = administrations.findForUpdate(id).orElseThrow(AdministrationService::notFound);
        ensureNotRoutedTo(administration);
        administration.deactivate(now());
    }

    /**
     * An active category routing to an administration keeps it in use. The row lock taken by the
     * callers (FOR UPDATE here, FOR SHARE by a category naming this administration) keeps a
     * concurrent category from picking it up between check and change.
     */
    private void ensureNotRoutedTo(Administration administration) {
        if (!administration.isActive()) {
            return;
        }
        long routing = categories.countActiveRoutingTo(administration.id());
        if (routing > 0) {
            throw ProblemException.conflict("ADMINISTRATION_IN_USE", "ADMINISTRATION_IN_USE.categories",
                    routing);
        }
    }

    /** The current parent may stay even if inactive since; a new parent must be active. */
    private Administration parentFor(Administration administration, UUID parentId) {
        Administration current = administration.parent();
        if (parentId == null) {
            return null;
        }
        if (current != null && Objects.equals(current.id(), parentId)) {
            return current;
        }
        return activeParent(parentId);
    }

    private Administration activeParent(UUID parentId) {
        Administration parent = administrations.findForShare(parentId)
                .orElseThrow(() -> ProblemException.invalid("parentId", "field.unknownAdministration"));
        if (!parent.isActive()) {
            throw ProblemException.invalid("parentId", "field.inactiveAdministration");
        }
        return parent;
    }

    /** Flushes now so that a concurrent duplicate code ends as 409 here, not as a 500 at commit. */
    private void flush(String code) {
        try {
            administrations.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, AdministrationRepository.CODE_CONSTRAINT)) {
                throw duplicateCode(code);
            }
            throw e;
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.administration");
    }

    private static ProblemException duplicateCode(String code) {
        return Conflicts.duplicateCode("DUPLICATE_CODE.administration", code);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
