package ci.milie.identity;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ProblemException;
import ci.milie.common.Roles;

/** The signed-in user's own profile: a citizen's account, or an active staff account. */
@ApplicationScoped
class MeService {

    private final StaffAccountRepository staff;
    private final CitizenRepository citizens;

    MeService(StaffAccountRepository staff, CitizenRepository citizens) {
        this.staff = staff;
        this.citizens = citizens;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    MeView me(Caller caller) {
        UUID id = caller.id().orElseThrow(MeService::notFound);
        if (caller.hasRole(Roles.CITIZEN)) {
            Citizen citizen = citizens.findByIdOptional(id).orElseThrow(MeService::notFound);
            return new MeView(citizen.id(), "CITIZEN", citizen.email(), citizen.phone(), citizen.fullName(),
                    List.of(Roles.CITIZEN), null, citizen.preferredLanguage());
        }
        StaffAccount account = staff.findByIdOptional(id).filter(StaffAccount::active).orElseThrow(MeService::notFound);
        return new MeView(account.id(), "STAFF", account.email(), null, account.fullName(),
                List.of(account.role().group()), account.administrationId(), null);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.account");
    }
}
