# Global scope: builtins lookup order, shadowing builtins, globals() dict.
print(len("abc"))
len = lambda x: "shadowed len"
print(len("abc"))
del len
print(len("abc"))
def uses_print():
    return print
print(uses_print() is print)
value = 1
def read():
    return value
print(read())
value = 2
print(read())
def write_local():
    value = 3
    return value
print(write_local(), value)
def write_global():
    global value
    value = 4
write_global()
print(value)
globals()['dynamic'] = 'made via globals()'
print(dynamic)
def check_undefined():
    try:
        return undefined_name
    except NameError as e:
        return f"{type(e).__name__}: {e}"
print(check_undefined())
def define_later():
    return later_defined
later_defined = "defined after function"
print(define_later())
def shadow_builtin_locally():
    max = "local max"
    return max
print(shadow_builtin_locally(), max(1, 2))
def global_decl_in_nested():
    def inner():
        global gv2
        gv2 = "from inner"
    inner()
global_decl_in_nested()
print(gv2)
for loop_var in range(3):
    pass
print(loop_var)
if True:
    block_var = "visible"
print(block_var)
try:
    raise ValueError
except ValueError:
    handled = True
print(handled)
print(sorted(k for k in globals() if not k.startswith('_')))
