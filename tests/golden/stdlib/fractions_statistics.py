# fractions.Fraction and statistics: exact arithmetic, reprs, conversions,
# and the statistics functions on ints, floats and Fractions.
from fractions import Fraction as F
import statistics as st
import math

print(F(3, 4), repr(F(6, 8)), F(-3, 9), F(5), F('1.25'), F('-7/21'), F(' 3e-2 '), F(0.5), F(0.1))
print(F(1, 3) + F(1, 6), F(1, 2) - F(3, 4), F(2, 3) * F(9, 4), F(1, 2) / F(1, 4), F(7, 2) // 2, F(7, 2) % 2)
print(F(1, 2) + 1, 1 - F(1, 3), F(1, 2) * 0.5, 2 ** F(1, 2), F(2, 3) ** 2, F(2, 3) ** -2, -F(1, 5), abs(F(-3, 7)))
print(F(1, 3) < F(1, 2), F(1, 2) == 0.5, F(2, 4) == F(1, 2), F(1, 2) > 0.25, F(3) == 3, sorted([F(1, 2), F(1, 3), 0.4]))
print(float(F(1, 3)), int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 2))
print(F(22, 7).limit_denominator(5), F(math.pi).limit_denominator(1000), F(3, 4).as_integer_ratio(), F(5, 10).numerator, F(5, 10).denominator)
print(hash(F(1, 2)) == hash(0.5), hash(F(4, 2)) == hash(2), {F(1, 2): 'half'}[0.5], F.from_float(0.25), divmod(F(7, 3), F(1, 2)))
print(sum([F(1, 3)] * 3), format(float(F(1, 3)), '.5f'), str(F(10, 4)), bool(F(0)), F(1, 3).is_integer() if hasattr(F, 'is_integer') else 'n/a')
for bad in (lambda: F(1, 0), lambda: F('abc'), lambda: F(1.5, 2), lambda: F(1, 2) / 0):
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.mean([1, 2, 3, 4]), st.mean([1.5, 2.5, 3.5]), st.mean([F(1, 2), F(3, 4)]), st.fmean(data))
print(st.median(data), st.median([3, 1, 2]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3]), st.mode('abracadabra'), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.stdev([1, 2, 3, 4, 5]), st.variance([F(1, 4), F(5, 4), F(1, 2)]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75]))
print(st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4))
print(st.quantiles(range(1, 11), n=5, method='inclusive'), st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3], [1, 3, 8]))
print(st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(130), 6), round(nd.inv_cdf(0.975), 4), nd.mean, nd.stdev, round(nd.pdf(100), 6), nd + 5)
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
for bad in (lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.median([]), lambda: st.harmonic_mean([-1, 2])):
    try:
        bad()
    except st.StatisticsError as e:
        print('StatisticsError:', e)
scores = {'alice': [88, 92, 79], 'bob': [75, 85, 95]}
for name, s in scores.items():
    print(name, round(st.mean(s), 2), st.median(s), round(st.stdev(s), 3))
