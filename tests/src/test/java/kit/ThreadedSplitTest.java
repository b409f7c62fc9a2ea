package kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import axon.Component;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stage 9's proxy and body are two classes so that the proxy cannot read the thread's
 * queues where it means the real boxes: in a threaded component, {@code dataReady},
 * {@code recv} and {@code send} are the body's, and a proxy that reached them through the
 * component would move nothing. The chapter says this mistake does not compile; this test
 * keeps it so.
 */
@Tag("kit")
@DisplayName("Kit: stage 9's proxy cannot see the body's side of a threaded component")
class ThreadedSplitTest {

    @Test
    @DisplayName("ThreadProxy knows the component only as a Microprocess: it uses no Component, so no thread-side"
            + " dataReady, recv or send")
    void proxySeesNoComponent() {
        JavaClasses axon = new ClassFileImporter().importPackages("axon");
        noClasses().that().haveFullyQualifiedName("axon.ThreadProxy")
                .or().haveFullyQualifiedName("axon.ThreadProxy$Body")
                .should().dependOnClassesThat().areAssignableTo(Component.class)
                .because("the proxy works on the real boxes; handing it the component (or a ThreadedComponent)"
                        + " would bring back the stage 9 trap of a moveIn that reads the thread's queues")
                .check(axon);
    }
}
