package ci.milie.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.ReferenceData;
import ci.milie.common.ClientAddress;
import ci.milie.common.ProblemException;
import ci.milie.directory.DirectoryQueries;
import ci.milie.identity.Revocations;
import io.quarkus.panache.common.Sort;

/** Integration clients and their secrets, managed by sysadmins. */
@ApplicationScoped
public class ClientService {

    private final IntegrationClientRepository clients;
    private final ClientSecretRepository secrets;
    private final DirectoryQueries directory;
    private final Revocations revocations;
    private final ClientsConfig config;
    private final Clock clock;
    private final ReferenceData reference;

    ClientService(IntegrationClientRepository clients, ClientSecretRepository secrets, DirectoryQueries directory,
            Revocations revocations, ClientsConfig config, Clock clock, ReferenceData reference) {
        this.reference = reference;
        this.clients = clients;
        this.secrets = secrets;
        this.directory = directory;
        this.revocations = revocations;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientView> list() {
        return clients.listAll(Sort.by("name")).stream().map(ClientView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientView get(UUID id) {
        return ClientView.of(find(id));
    }

    @Transactional
    public ClientCreated create(ClientCommands.Create command) {
        reference.changed("integration_client");
        String name = command.name().trim();
        List<String> addresses = addresses(command.allowedAddresses());
        check(command.administrationId(), command.permissions());
        refuseDuplicate(name, null);
        IntegrationClient client = new IntegrationClient(name, command.contactEmail().trim(), command.administrationId(),
                command.permissions(), addresses, clock.instant());
        clients.persist(client);
        String secret = ClientSecrets.generate();
        secrets.persist(new ClientSecret(client.id(), ClientSecrets.hash(secret), clock.instant()));
        clients.flush();
        revocations.clientChanged(client.id(), client.securityVersion(), client.active());
        return new ClientCreated(ClientView.of(client), new ClientSecretView(client.id(), secret, null));
    }

    /** {@code ifMatch}: the version last read (the ETag), optional. */
    @Transactional
    public ClientView update(UUID id, ClientCommands.Update command, String ifMatch) {
        reference.changed("integration_client");
        IntegrationClient client = find(id);
        if (ifMatch != null && !ifMatch.isBlank()) {
            String expected = ifMatch.trim().replace("W/", "").replace("\"", "");
            if (!expected.equals(Long.toString(client.version()))) {
                throw ProblemException.conflict("CONCURRENT_MODIFICATION", "CONCURRENT_MODIFICATION.version", expected);
            }
        }
        String name = command.name().trim();
        List<String> addresses = addresses(command.allowedAddresses());
        check(command.administrationId(), command.permissions());
        refuseDuplicate(name, id);
        long securityVersion = client.securityVersion();
        client.update(name, command.contactEmail().trim(), command.administrationId(), command.permissions(), addresses,
                command.active() == null || command.active(), clock.instant());
        clients.flush();
        if (client.securityVersion() != securityVersion) {
            revocations.clientChanged(client.id(), client.securityVersion(), client.active());
        }
        return ClientView.of(client);
    }

    /** Clients are never deleted: their actions stay in the timelines they appear in. */
    @Transactional
    public void deactivate(UUID id) {
        reference.changed("integration_client");
        IntegrationClient client = find(id);
        if (!client.active()) {
            return;
        }
        client.deactivate(clock.instant());
        clients.flush();
        revocations.clientChanged(client.id(), client.securityVersion(), client.active());
    }

    /**
     * A new secret; the ones before it keep working for the overlap (so that the client's
     * instances can be given the new one without an outage), then are refused.
     */
    @Transactional
    public ClientSecretView rotateSecret(UUID id) {
        IntegrationClient client = find(id);
        Instant now = clock.instant();
        Instant until = now.plus(config.secretOverlap());
        Instant previousUntil = null;
        for (ClientSecret old : secrets.ofClient(id)) {
            if (old.validAt(now)) {
                old.replacedUntil(until);
                previousUntil = previousUntil == null || old.validUntil().isAfter(previousUntil) ? old.validUntil()
                        : previousUntil;
            }
        }
        String secret = ClientSecrets.generate();
        secrets.persist(new ClientSecret(client.id(), ClientSecrets.hash(secret), now));
        return new ClientSecretView(client.id(), secret, previousUntil);
    }

    private IntegrationClient find(UUID id) {
        return clients.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("NOT_FOUND.integration-client"));
    }

    private void check(UUID administrationId, Set<Permission> permissions) {
        if (administrationId != null && directory.activeAdministration(administrationId).isEmpty()) {
            throw ProblemException.invalid("administrationId", "field.inactiveAdministration");
        }
        if (administrationId == null && permissions.contains(Permission.REQUESTS_ACT)) {
            throw ProblemException.invalid("permissions", "field.actNeedsAdministration");
        }
    }

    private void refuseDuplicate(String name, UUID self) {
        clients.findByName(name).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("DUPLICATE_NAME", "DUPLICATE_NAME.integration-client", name);
        });
    }

    /** Each must be an address or a CIDR block (400 naming the first that is not), kept as written. */
    private static List<String> addresses(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> addresses = given.stream().map(String::trim).distinct().toList();
        for (String address : addresses) {
            try {
                ClientAddress.Cidr.parse(address);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("allowedAddresses", "field.cidr", address);
            }
        }
        return addresses;
    }
}
