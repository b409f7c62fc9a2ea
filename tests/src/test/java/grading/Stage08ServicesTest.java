package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import axon.ServiceAlreadyRegistered;
import axon.ServiceRegistry;
import axon.UnknownService;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;
import java.util.Optional;

@Graded(stage = 8, order = 1, title = "services and the Backplane, the service registry")
class Stage08ServicesTest {

    @GradedTest(order = 1, value = "a service is registered under a name, retrieved by it, and deregistered")
    void registerRetrieveDeregister() {
        ServiceRegistry services = new Scheduler().services();
        Probe clock = new Probe();
        Probe log = new Probe();
        services.register("clock", clock.inbox("extra"));
        services.register("log", log.inbox("inbox"));
        assertSame(clock.inbox("extra"), services.retrieve("clock"), "retrieve(\"clock\") must give the inbox"
                + " registered under that name");
        assertEquals(Optional.of(log.inbox("inbox")), services.find("log"), "find(\"log\") must give the inbox"
                + " registered under that name");
        assertEquals(List.of("clock", "log"), List.copyOf(services.names()), "names() must list the services"
                + " registered, in the order they were registered");
        services.deregister("clock");
        assertEquals(Optional.empty(), services.find("clock"), "after deregister(\"clock\"), find(\"clock\") must"
                + " find nothing");
        assertEquals(List.of("log"), List.copyOf(services.names()), "after deregister(\"clock\"), names() must list"
                + " only the services left");
    }

    @GradedTest(order = 2, value = "registering a name twice, or retrieving or deregistering an unknown one, is an"
            + " error naming it")
    void registryMistakes() {
        ServiceRegistry services = new Scheduler().services();
        services.register("clock", new Probe().inbox("inbox"));
        var twice = assertThrows(ServiceAlreadyRegistered.class,
                () -> services.register("clock", new Probe().inbox("inbox")),
                "registering a name that is taken must throw ServiceAlreadyRegistered");
        assertTrue(twice.getMessage().contains("clock"), "the error must name the service, clock, but said: "
                + twice.getMessage());
        var unknown = assertThrows(UnknownService.class, () -> services.retrieve("clok"),
                "retrieving a name nobody registered must throw UnknownService");
        assertTrue(unknown.getMessage().contains("clok"), "the error must name the service asked for, clok, but"
                + " said: " + unknown.getMessage());
        var gone = assertThrows(UnknownService.class, () -> services.deregister("calendar"),
                "deregistering a name nobody registered must throw UnknownService");
        assertTrue(gone.getMessage().contains("calendar"), "the error must name the service, calendar, but said: "
                + gone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> services.register("out", new Probe().outbox("outbox")),
                "a service must be an inbox");
        assertSame(services.retrieve("clock").owner(), services.retrieve("clock").owner(),
                "a refused registration must leave the service registered before it as it was");
    }

    @GradedTest(order = 3, value = "each scheduler has a registry of its own")
    void registriesAreSeparate() {
        Scheduler first = new Scheduler();
        Scheduler second = new Scheduler();
        first.services().register("clock", new Probe().inbox("inbox"));
        assertEquals(Optional.empty(), second.services().find("clock"), "a service registered with one scheduler"
                + " must not be found in another scheduler's registry");
        second.services().register("clock", new Probe().inbox("inbox"));
        assertFalse(first.services().retrieve("clock") == second.services().retrieve("clock"),
                "two schedulers' services with the same name must be two different inboxes");
    }
}
