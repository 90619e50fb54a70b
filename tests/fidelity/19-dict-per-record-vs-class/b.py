# Source: https://stackoverflow.com/questions/1336791/dictionary-vs-object-which-is-more-efficient-and-why
class Record:
    def __init__(self, name, age, city):
        self.name = name
        self.age = age
        self.city = city

records = [Record('n', i, 'c') for i in range(20_000)]
