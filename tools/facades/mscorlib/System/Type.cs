// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

using System.Reflection;

namespace System
{
    public abstract class Type : MemberInfo, IReflect
    {
        protected Type() { throw null; }

        public override Type DeclaringType { get { throw null; } }

        public static Type GetType(string typeName) { throw null; }

        public object InvokeMember(string name, BindingFlags invokeAttr, Binder binder, object target, object[] args) { throw null; }

        public abstract Assembly Assembly { get; }

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) { throw null; }

        public abstract string FullName { get; }

        public abstract string AssemblyQualifiedName { get; }

        public abstract Type BaseType { get; }

        public ConstructorInfo GetConstructor(Type[] types) { throw null; }

        public ConstructorInfo[] GetConstructors() { throw null; }

        public MethodInfo GetMethod(string name, Type[] types) { throw null; }

        public MethodInfo GetMethod(string name, BindingFlags bindingAttr) { throw null; }

        public MethodInfo GetMethod(string name) { throw null; }

        public MethodInfo[] GetMethods() { throw null; }

        public abstract MethodInfo[] GetMethods(BindingFlags bindingAttr);

        public abstract FieldInfo GetField(string name, BindingFlags bindingAttr);

        public FieldInfo GetField(string name) { throw null; }

        public FieldInfo[] GetFields() { throw null; }

        public abstract FieldInfo[] GetFields(BindingFlags bindingAttr);

        public abstract Type[] GetInterfaces();

        public bool IsNotPublic { get { throw null; } }

        public bool IsPublic { get { throw null; } }

        public bool IsClass { get { throw null; } }

        public bool IsInterface { get { throw null; } }

        public bool IsValueType { get { throw null; } }

        public bool IsAbstract { get { throw null; } }

        public bool IsEnum { get { throw null; } }

        public bool IsSerializable { get { throw null; } }

        public bool IsArray { get { throw null; } }

        public abstract Type GetElementType();

        public virtual bool IsSubclassOf(Type c) { throw null; }

        public virtual bool IsInstanceOfType(object o) { throw null; }

        public override string ToString() { throw null; }
    }
}
