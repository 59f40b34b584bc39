package ci.milie.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;
import ci.milie.common.SqlFilter;
import ci.milie.directory.DirectoryQueries;

/** Staff accounts, managed by sysadmins. */
@ApplicationScoped
public class StaffService {

    private final StaffAccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final Revocations revocations;
    private final DirectoryQueries directory;
    private final Clock clock;

    StaffService(StaffAccountRepository accounts, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
            Revocations revocations, DirectoryQueries directory, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.revocations = revocations;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StaffView> list(StaffRole role, UUID administrationId, Boolean active, int limit, String cursor) {
        SqlFilter where = new SqlFilter()
                .andIfPresent("role = :role", "role", role)
                .andIfPresent("administrationId = :administrationId", "administrationId", administrationId)
                .andIfPresent("active = :active", "active", active)
                .andIfPresent("email > :after", "after", Keyset.after(cursor));
        // range(0, limit) is inclusive: limit + 1 rows, the extra one says whether a next page exists.
        List<StaffAccount> rows = accounts.find("1 = 1" + where.andClauses() + " order by email", where.params())
                .range(0, limit).list();
        return Keyset.page(rows, limit, StaffAccount::email, StaffView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffView get(UUID id) {
        return accounts.findByIdOptional(id).map(StaffView::of)
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.staff-account"));
    }

    @Transactional
    public StaffView create(StaffCommands.Create command) {
        String email = normalise(command.email());
        checkAdministration(command.role(), command.administrationId());
        if (accounts.findByEmail(email).isPresent()) {
            throw duplicateEmail();
        }
        StaffAccount account = new StaffAccount(email, command.fullName().trim(), command.role(),
                command.administrationId(), hasher.hash(command.password()), clock.instant());
        accounts.persist(account);
        accounts.flush();
        revocations.staffChanged(account);
        return StaffView.of(account);
    }

    @Transactional
    public StaffView update(UUID id, StaffCommands.Update command) {
        StaffAccount account = accounts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.staff-account"));
        if (command.version() != null && command.version() != account.version()) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION",
                    "CONCURRENT_MODIFICATION.version",
                    String.valueOf(command.version()));
        }
        String email = normalise(command.email());
        checkAdministration(command.role(), command.administrationId());
        accounts.findByEmail(email).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw duplicateEmail();
        });
        boolean active = command.active() == null || command.active();
        boolean staysSysadmin = command.role() == StaffRole.SYSADMIN && active;
        if (account.role() == StaffRole.SYSADMIN && account.active() && !staysSysadmin) {
            refuseIfLastSysadmin();
        }
        Instant now = clock.instant();
        long securityVersion = account.securityVersion();
        account.update(email, command.fullName().trim(), command.role(), command.administrationId(), active, now);
        if (command.password() != null) {
            account.changePassword(hasher.hash(command.password()), now);
        }
        if (!active || command.password() != null) {
            refreshTokens.revokeAllOf(RefreshToken.SubjectKind.STAFF, id, now);
        }
        accounts.flush();
        if (account.securityVersion() != securityVersion) {
            revocations.staffChanged(account);
        }
        return StaffView.of(account);
    }

    /** Staff accounts are never deleted: they stay in the audit trail of what they did. */
    @Transactional
    public void deactivate(UUID id) {
        StaffAccount account = accounts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("NOT_FOUND.staff-account"));
        if (!account.active()) {
            return;
        }
        if (account.role() == StaffRole.SYSADMIN) {
            refuseIfLastSysadmin();
        }
        Instant now = clock.instant();
        account.deactivate(now);
        refreshTokens.revokeAllOf(RefreshToken.SubjectKind.STAFF, id, now);
        revocations.staffChanged(account);
    }

    static ProblemException duplicateEmail() {
        return ProblemException.conflict("DUPLICATE_EMAIL", "DUPLICATE_EMAIL.staff");
    }

    private void refuseIfLastSysadmin() {
        if (accounts.countActiveSysadmins() <= 1) {
            throw ProblemException.conflict("LAST_SYSADMIN",
                    "LAST_SYSADMIN.create-another");
        }
    }

    private void checkAdministration(StaffRole role, UUID administrationId) {
        if (role.belongsToAdministration() && administrationId == null) {
            throw ProblemException.invalid("administrationId", "field.agentNeedsAdministration");
        }
        if (!role.belongsToAdministration() && administrationId != null) {
            throw ProblemException.invalid("administrationId", "field.onlyForAgent");
        }
        if (administrationId != null && !administrationIsActive(administrationId)) {
            throw ProblemException.invalid("administrationId", "field.inactiveAdministration");
        }
    }

    private boolean administrationIsActive(UUID id) {
        return directory.activeAdministration(id).isPresent();
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
