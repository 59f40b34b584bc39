package ci.milie.identity;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.CleanText;
import ci.milie.common.PhoneNumbers;
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
            return view(citizen);
        }
        StaffAccount account = staff.findByIdOptional(id).filter(StaffAccount::active).orElseThrow(MeService::notFound);
        return new MeView(account.id(), "STAFF", account.email(), null, account.fullName(),
                List.of(account.role().group()), account.administrationId(), null, null, null, null);
    }

    /**
     * A citizen replaces their profile. The contact a code proved at sign-up cannot change here (409
     * VERIFIED_CONTACT_UNCHANGEABLE: it is how they sign in and what lets them claim requests); a
     * phone typed here stays unproven. {@code ifMatch}: the version last read (GET /me's ETag).
     */
    @Transactional
    MeView update(Caller caller, UpdateMeCommand command, String ifMatch) {
        UUID id = caller.id().orElseThrow(MeService::notFound);
        Citizen citizen = citizens.findByIdOptional(id).orElseThrow(MeService::notFound);
        if (ifMatch != null && !ifMatch.isBlank()) {
            String expected = ifMatch.trim().replace("W/", "").replace("\"", "");
            if (!expected.equals(Long.toString(citizen.version()))) {
                throw ProblemException.conflict("CONCURRENT_MODIFICATION", "CONCURRENT_MODIFICATION.reload");
            }
        }
        String fullName = command.fullName() == null || command.fullName().isBlank() ? null : command.fullName().strip();
        String flaw = CleanText.flawInLine(fullName);
        if (flaw != null) {
            throw ProblemException.invalid("fullName", flaw);
        }
        String phone = command.phone() == null ? null
                : PhoneNumbers.normalise(command.phone()).orElseThrow(() -> ProblemException.invalid("phone", "field.phone"));
        if (citizen.phoneVerified() && !citizen.phone().equals(phone)) {
            throw ProblemException.conflict("VERIFIED_CONTACT_UNCHANGEABLE", "VERIFIED_CONTACT_UNCHANGEABLE.phone");
        }
        if (phone != null && !phone.equals(citizen.phone()) && citizens.count("phone = ?1 and id <> ?2", phone, id) > 0) {
            throw phoneInUse();
        }
        citizen.editProfile(fullName, phone, command.preferredLanguage());
        citizens.flush();
        return view(citizen);
    }

    static ProblemException phoneInUse() {
        return ProblemException.conflict("PHONE_IN_USE", "PHONE_IN_USE.another-account");
    }

    private static MeView view(Citizen citizen) {
        return new MeView(citizen.id(), "CITIZEN", citizen.email(), citizen.phone(), citizen.fullName(),
                List.of(Roles.CITIZEN), null, citizen.preferredLanguage(), citizen.emailVerified(), citizen.phoneVerified(),
                citizen.version());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("NOT_FOUND.account");
    }
}
