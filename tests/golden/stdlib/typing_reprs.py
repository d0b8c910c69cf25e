# typing: reprs of special forms and generic aliases, subscription,
# TypeVar substitution, get_origin/get_args, equality.
import typing
from typing import (Any, Callable, Coroutine, Awaitable, AsyncIterator, AsyncIterable,
                    AsyncGenerator, Iterator, Iterable, Generator, Optional, Union, List,
                    Dict, Tuple, Set, FrozenSet, Type, TypeVar, Literal, Final, ClassVar,
                    Sequence, Mapping, MutableMapping, Deque, DefaultDict, Counter,
                    OrderedDict, Hashable, Sized, NoReturn, Annotated, get_origin, get_args)

print(Any, NoReturn, Optional, Union, Literal, Final, ClassVar)
print(List, Dict, Tuple, Set, FrozenSet, Type, Callable, Deque)
print(List[int], Dict[str, int], Tuple[int, ...], Tuple[()], Tuple[int, str])
print(Optional[int], Optional[List[str]], Union[int, str], Union[int, str, None])
print(Union[int], Union[int, int, str], Union[int, Union[str, float]])
print(Callable[[int, str], bool], Callable[..., Any], Callable[[], None])
print(AsyncGenerator[int, None], AsyncIterator[str], AsyncIterable[bytes])
print(Coroutine[Any, Any, int], Awaitable[int], Generator[int, None, str])
print(Iterator[int], Iterable[str], Sequence[float], Mapping[str, int])
print(MutableMapping[str, List[int]], Deque[int], DefaultDict[str, int])
print(Counter[str], OrderedDict[str, int], Type[int], FrozenSet[int])
print(Hashable, Sized, Literal['a', 'b'], Literal[1, 2, 3], Final[int], ClassVar[int])
print(Annotated[int, 'meta'], Annotated[List[int], 1, 2])
print(Dict[str, 'Foo'])

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
N = TypeVar('N', int, float)
B = TypeVar('B', bound=str)
print(T, T_co, T_contra, N.__constraints__, B.__bound__, T.__name__)
print(List[T], Dict[K, V], Dict[K, V][str, int], List[T][int])
print(Dict[str, T][List[int]], Callable[[T], K][int, str])
print(List[T].__parameters__, Dict[K, List[V]].__parameters__)

print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Optional[int]))
print(get_origin(int), get_origin(Literal['x']), get_origin(Annotated[int, 'm']))
print(get_args(Dict[str, int]), get_args(Optional[int]), get_args(Callable[[int], str]))
print(get_args(Callable[..., int]), get_args(int), get_args(Annotated[int, 'm']))
print(get_args(list[int]), get_origin(list[int]), get_args(Tuple[int, ...]))

print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int])
print(List[int] == List[int], List[int] == List[str], List[int] == list[int])
print(hash(List[int]) == hash(List[int]), Literal[1, 2] == Literal[2, 1])
print(Union[int, str].__args__, Optional[int].__args__, List[int].__origin__)
print(int | List[int], List[int] | None, Optional[int] | str)
print(typing.TYPE_CHECKING, typing.cast(int, 'x'), typing.cast('List[int]', 3))
print(typing.Text, typing.AnyStr, typing.AnyStr.__constraints__)

for bad in (lambda: isinstance(1, List[int]), lambda: isinstance(1, Any),
            lambda: List(), lambda: Union[()], lambda: Optional[int, str],
            lambda: Dict[int], lambda: List[int, str], lambda: Callable[int]):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

# (isinstance(x, alias) itself needs VM support: notes/vm_bugs.md #10)
print(List.__instancecheck__([]), typing.Dict.__instancecheck__({}), typing.Sequence.__subclasscheck__(list))
print(Union[int, str].__instancecheck__(3), Optional[int].__instancecheck__(3.0))
print(typing.Deque(), typing.DefaultDict(list), typing.Counter('aab'))
