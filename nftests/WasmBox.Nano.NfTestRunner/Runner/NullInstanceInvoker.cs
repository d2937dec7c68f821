#nullable enable
using System;
using System.Reflection;
using System.Reflection.Emit;

namespace WasmBox.Nano.NfTestRunner
{
    /// <summary>
    /// Invokes test methods the way the device's launcher does, with <c>method.Invoke(null, args)</c>:
    /// no instance is created, so an instance method runs with <c>this == null</c> and any use
    /// of instance state throws, here as on the device. .NET reflection refuses a null target
    /// for instance methods, hence a small dynamic method that calls with a null receiver.
    /// DataRow values are passed unconverted, as nanoFramework does, so a value whose type is
    /// not exactly the parameter's is reported instead of being widened silently.
    /// </summary>
    internal static class NullInstanceInvoker
    {
        /// <summary>Why <paramref name="arguments"/> cannot be passed to <paramref name="method"/>, or null.</summary>
        public static string? Mismatch(MethodInfo method, object?[]? arguments)
        {
            ParameterInfo[] parameters = method.GetParameters();
            int given = arguments == null ? 0 : arguments.Length;
            if (given != parameters.Length)
            {
                return arguments == null
                    ? "the method takes " + parameters.Length + " parameters but has no [DataRow]"
                    : "the [DataRow] has " + given + " values but the method takes " + parameters.Length + " parameters";
            }
            if (method.ReturnType != typeof(void))
            {
                return "test methods must return void";
            }
            for (int i = 0; i < given; i++)
            {
                Type expected = parameters[i].ParameterType;
                object? value = arguments![i];
                bool fits = value == null ? !expected.IsValueType : expected.IsValueType ? value.GetType() == expected : expected.IsInstanceOfType(value);
                if (!fits)
                {
                    return "[DataRow] value " + i + " is " + (value == null ? "null" : value.GetType().Name) + " but parameter '"
                        + parameters[i].Name + "' is " + expected.Name + "; nanoFramework passes DataRow values without conversion";
                }
            }
            return null;
        }

        /// <summary>Calls <paramref name="method"/>; exceptions from the test propagate unwrapped.</summary>
        public static void Invoke(MethodInfo method, object?[]? arguments)
        {
            ParameterInfo[] parameters = method.GetParameters();
            DynamicMethod call = new DynamicMethod("call_" + method.Name, null, new[] { typeof(object[]) }, method.Module, skipVisibility: true);
            ILGenerator il = call.GetILGenerator();
            if (!method.IsStatic)
            {
                il.Emit(OpCodes.Ldnull);
            }
            for (int i = 0; i < parameters.Length; i++)
            {
                Type type = parameters[i].ParameterType;
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldelem_Ref);
                il.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
            }
            il.Emit(OpCodes.Call, method);
            il.Emit(OpCodes.Ret);
            ((Action<object?[]?>)call.CreateDelegate(typeof(Action<object?[]?>)))(arguments);
        }
    }
}
