package contracts;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The calls a class makes while it holds a monitor: in a {@code synchronized} method, or
 * between the {@code monitorenter} and {@code monitorexit} of a {@code synchronized}
 * block. ArchUnit sees calls but not monitors, so this reads the class file itself (with
 * ASM). javac writes a block's body between its enter and its exit; its exception handler
 * comes after, and exits again, which is why the depth never drops below zero.
 */
final class Monitors {
    private Monitors() {
    }

    /** A call made while a monitor is held: which method makes it, what it calls, on which line. */
    record HeldCall(String method, String descriptor, String owner, String name, int line) {
    }

    /** Every call that the class's own methods make while they hold a monitor. */
    static Set<HeldCall> heldCalls(JavaClass type) {
        var source = type.getSource();
        if (source.isEmpty()) {
            return Set.of();
        }
        Set<HeldCall> calls = new HashSet<>();
        try (InputStream in = source.get().getUri().toURL().openStream()) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    boolean whole = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
                    return new MethodVisitor(Opcodes.ASM9) {
                        private int depth;
                        private int line;

                        @Override
                        public void visitLineNumber(int number, Label start) {
                            line = number;
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            if (opcode == Opcodes.MONITORENTER) {
                                depth++;
                            } else if (opcode == Opcodes.MONITOREXIT) {
                                depth = Math.max(0, depth - 1);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String called,
                                boolean onInterface) {
                            if (whole || depth > 0) {
                                calls.add(new HeldCall(method, descriptor, owner.replace('/', '.'), name, line));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + type.getName(), e);
        }
        return calls;
    }
}
