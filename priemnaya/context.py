from accounts.models import Company


def company(request) -> dict:
    return {"company": Company.current()}
