from django.urls import path

from . import (
    views_appeal,
    views_appeal_actions,
    views_applicant,
    views_attachments,
    views_outgoing,
    views_register,
    views_register_assist,
)

# Registration, look-ups used by it, one appeal's page with its actions, the applicant's card.
urlpatterns = [
    path("register/", views_register.register, name="staff-register"),
    path("register/done/<str:number>/", views_register.register_done, name="staff-register-done"),
    path("register/hint/", views_register.register_hint, name="staff-register-hint"),
    path("register/analyse/", views_register_assist.register_analyse, name="staff-register-analyse"),
    path("buildings/suggest/", views_register.building_suggest, name="staff-building-suggest"),
    path("buildings/pick/", views_register.building_pick, name="staff-building-unpick"),
    path("buildings/pick/<int:pk>/", views_register.building_pick, name="staff-building-pick"),
    path("applicants/search/", views_applicant.applicant_search, name="staff-applicant-search"),
    path("applicants/pick/", views_applicant.applicant_pick, name="staff-applicant-new"),
    path("applicants/pick/<int:pk>/", views_applicant.applicant_pick, name="staff-applicant-pick"),
    path("applicants/<int:pk>/", views_applicant.applicant_card, name="staff-applicant-card"),
    path("appeals/<str:number>/", views_appeal.appeal_detail, name="staff-appeal-detail"),
    path("appeals/<str:number>/do/<slug:name>/", views_appeal.appeal_do, name="staff-appeal-do"),
    path("appeals/<str:number>/assign/", views_appeal_actions.appeal_assign, name="staff-appeal-assign"),
    path("appeals/<str:number>/take/", views_appeal_actions.appeal_take, name="staff-appeal-take"),
    path("appeals/<str:number>/classify/", views_appeal_actions.appeal_classify, name="staff-appeal-classify"),
    path("appeals/<str:number>/draft/", views_appeal_actions.appeal_draft, name="staff-appeal-draft"),
    path("appeals/<str:number>/link/", views_appeal_actions.appeal_link, name="staff-appeal-link"),
    path("appeals/<str:number>/outgoing/", views_outgoing.outgoing_add, name="staff-appeal-outgoing-add"),
    path("appeals/<str:number>/outgoing/<int:pk>/reply/", views_outgoing.outgoing_reply,
         name="staff-appeal-outgoing-reply"),
    path("appeals/<str:number>/attachments/", views_attachments.attachment_upload, name="staff-appeal-attachment-add"),
    path("appeals/<str:number>/attachments/<int:pk>/", views_attachments.attachment_download,
         name="staff-appeal-attachment"),
]
