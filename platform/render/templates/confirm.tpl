{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>{{TITLE}}</h1>
  <p class="lead">{{QUESTION}}</p>
  <form method="post" action="{{ACTION}}" class="actions">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="confirm" value="1">
    <button type="submit" class="warning">{{BUTTON}}</button>
    <a class="button secondary" href="{{CANCEL}}">Không, quay lại</a>
  </form>
</section>
