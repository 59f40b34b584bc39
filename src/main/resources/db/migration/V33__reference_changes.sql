-- Every instance keeps reference data in memory (common.ReferenceData) and must hear when it
-- changes, whatever wrote it: each change notifies 'milie_reference' with the table's name, at commit.
-- Webhook subscriptions and integration clients notify only when what decides who is delivered to
-- changes (not for the relay's failure counts).
create function notify_reference_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('milie_reference', tg_table_name);
    return null;
end
$$;

create trigger category_reference_change after insert or update or delete or truncate on category
    for each statement execute function notify_reference_change();
create trigger region_reference_change after insert or update or delete or truncate on region
    for each statement execute function notify_reference_change();
create trigger sla_policy_reference_change after insert or update or delete or truncate on sla_policy
    for each statement execute function notify_reference_change();
create trigger administration_reference_change after insert or update or delete or truncate on administration
    for each statement execute function notify_reference_change();

create trigger webhook_subscription_reference_added after insert or delete on webhook_subscription
    for each row execute function notify_reference_change();
create trigger webhook_subscription_reference_change after update on webhook_subscription
    for each row when ((old.active, old.event_types, old.client_id) is distinct from (new.active, new.event_types, new.client_id))
    execute function notify_reference_change();
create trigger integration_client_reference_added after insert or delete on integration_client
    for each row execute function notify_reference_change();
create trigger integration_client_reference_change after update on integration_client
    for each row when ((old.active, old.permissions, old.administration_id) is distinct from (new.active, new.permissions, new.administration_id))
    execute function notify_reference_change();
