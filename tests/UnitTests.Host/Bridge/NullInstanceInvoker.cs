namespace CellularIot.Tests.Bridge
{
    using System;
    using System.Collections.Concurrent;
    using System.Reflection;
    using System.Reflection.Emit;

    /// <summary>
    /// Calls a test method the way nanoFramework's UnitTestLauncher does: <c>method.Invoke(null, parameters)</c>,
    /// with no instance even for an instance method. nanoCLR then runs the method with a null <c>this</c>, so
    /// a test that touches instance state throws NullReferenceException on the device. .NET reflection refuses
    /// a null target, so the call is emitted as IL (<c>call</c>, not <c>callvirt</c>), which behaves the same.
    /// </summary>
    internal static class NullInstanceInvoker
    {
        private static readonly ConcurrentDictionary<MethodInfo, Action<object[]>> Callers = new ConcurrentDictionary<MethodInfo, Action<object[]>>();

        public static void Invoke(MethodInfo method, object[] arguments)
        {
            ArgumentNullException.ThrowIfNull(method);
            Callers.GetOrAdd(method, Build)(arguments ?? Array.Empty<object>());
        }

        private static Action<object[]> Build(MethodInfo method)
        {
            ParameterInfo[] parameters = method.GetParameters();
            var caller = new DynamicMethod("nano_" + method.Name, null, new[] { typeof(object[]) }, method.Module, skipVisibility: true);
            ILGenerator il = caller.GetILGenerator();
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
            if (method.ReturnType != typeof(void))
            {
                il.Emit(OpCodes.Pop);
            }

            il.Emit(OpCodes.Ret);
            var call = (Action<object[]>)caller.CreateDelegate(typeof(Action<object[]>));
            return arguments =>
            {
                if (arguments.Length != parameters.Length)
                {
                    throw new TargetParameterCountException(method.DeclaringType.Name + "." + method.Name + " takes " + parameters.Length + " arguments, the launcher passes " + arguments.Length);
                }

                call(arguments);
            };
        }
    }
}
