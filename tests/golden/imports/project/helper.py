print('helper: executing as', __name__)
import os

VALUE = 42
counter = 0


def greet(name):
    return f'hello {name} from {__name__}'


def where():
    return os.path.basename(__file__)


if __name__ == '__main__':
    print('helper: never printed when imported')
