"""forewarn: who did what to whom, where and when, and according to whom — from raw news."""

__version__ = "0.1.0"
