from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/new/", views.review_new, name="review_new"),
    path("reviews/thanks/", views.review_thanks, name="review_thanks"),
    path("answers/", views.answer_list, name="answers"),
    path("hq/", views.hq_form, name="hq"),
    path("hq/done/", views.hq_done, name="hq_done"),
]
