"""The treatment journal: injections and their cycles, side-effect check-ins, supportive care.

Plain Python: the entries as the record gives them back, the validators the record and the
import share, and the cycle rules. Nothing here reads the record or the clock itself.
"""
