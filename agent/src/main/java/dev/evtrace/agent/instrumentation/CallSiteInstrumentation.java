package dev.evtrace.agent.instrumentation;

import dev.evtrace.agent.bootstrap.Tracer;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * Engines with no bus class of their own publish by calling a JDK method ({@code queue.add(event)}). The JDK
 * class is never touched: each call site in the program's own classes is preceded by a call that records
 * the event ({@link Tracer#publishedBy}), so {@code queue.add(e)} becomes {@code publishedBy(e); queue.add(e)}.
 */
public final class CallSiteInstrumentation implements AsmVisitorWrapper {
    /** A JDK method whose only argument is the event. */
    public record Call(String owner, String method) {}

    private static final String TRACER = Type.getInternalName(Tracer.class);

    private final List<Call> calls;
    private final Consumer<String> onCallSite;

    /** @param onCallSite told the name of each class in which a call site was found */
    public CallSiteInstrumentation(List<Call> calls, Consumer<String> onCallSite) {
        this.calls = calls;
        this.onCallSite = onCallSite;
    }

    /**
     * Whether the class file calls one of the methods: most classes a caller pattern selects by name call other
     * methods of that name ({@code list.add}), and are better left as they are than rewritten to the same
     * effect. A read of the class file alone, much cheaper than Byte Buddy's rewriting.
     */
    public boolean hasCallSites(byte[] classFile) {
        boolean[] found = {false};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return found[0] ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        found[0] |= isCallSite(opcode, owner, method, desc);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    @Override
    public int mergeWriter(int flags) {
        return flags | ClassWriter.COMPUTE_MAXS;
    }

    @Override
    public int mergeReader(int flags) {
        return flags;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor, Implementation.Context context,
                             TypePool typePool, FieldList<FieldDescription.InDefinedShape> fields,
                             MethodList<?> methods, int writerFlags, int readerFlags) {
        return new ClassVisitor(Opcodes.ASM9, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new CallSites(super.visitMethod(access, name, descriptor, signature, exceptions),
                        instrumentedType.getName());
            }
        };
    }

    private final class CallSites extends MethodVisitor {
        private final String typeName;

        CallSites(MethodVisitor delegate, String typeName) {
            super(Opcodes.ASM9, delegate);
            this.typeName = typeName;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (isCallSite(opcode, owner, name, descriptor)) {
                onCallSite.accept(typeName);
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TRACER, "publishedBy", "(Ljava/lang/Object;)V", false);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    private boolean isCallSite(int opcode, String owner, String name, String descriptor) {
        if (opcode != Opcodes.INVOKEINTERFACE && opcode != Opcodes.INVOKEVIRTUAL) {
            return false;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (arguments.length != 1 || arguments[0].getSort() != Type.OBJECT) {
            return false;
        }
        for (Call call : calls) {
            if (call.method().equals(name) && isSubtype(owner.replace('/', '.'), call.owner())) {
                return true;
            }
        }
        return false;
    }

    /** The call's static owner is a JDK type: resolve it where the JDK lives and test assignability. */
    private static boolean isSubtype(String owner, String type) {
        if (owner.equals(type)) {
            return true;
        }
        try {
            return Class.forName(type, false, null).isAssignableFrom(Class.forName(owner, false, null));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
